package dev.crm.whatsapp.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Secrets kept in files, as container platforms mount them, so that no secret has to sit in an
 * environment variable (which {@code /proc/<pid>/environ}, crash reports and child processes can show).
 * For a key such as {@code wa.webhook.app-secret}:
 * <ul>
 *   <li>the environment variable {@code WA_WEBHOOK_APP_SECRET_FILE} names a file holding the value;</li>
 *   <li>or the directory {@code wa.secrets.dir} ({@code WA_SECRETS_DIR}) holds a file named after the key
 *       ({@code wa.webhook.app-secret}) or its environment name ({@code WA_WEBHOOK_APP_SECRET}).</li>
 * </ul>
 * One trailing line break is dropped (editors and {@code echo} add one). The file is read at each lookup, so
 * a rotated file is seen by whatever reads the key again. An explicit environment variable or system
 * property wins over a file (ordinal 295: below the environment's 300, above the application's defaults and
 * the demo key source).
 */
public class SecretFilesConfigSource implements ConfigSource {
  static final String DIRECTORY_KEY = "wa.secrets.dir";
  private static final String FILE_SUFFIX = "_FILE";

  private final Function<String, String> environment;
  private final Optional<Path> directory;

  public SecretFilesConfigSource() {
    this(System::getenv, Optional.ofNullable(System.getProperty(DIRECTORY_KEY, System.getenv("WA_SECRETS_DIR")))
        .filter(d -> !d.isBlank()).map(Path::of));
  }

  SecretFilesConfigSource(Function<String, String> environment, Optional<Path> directory) {
    this.environment = environment;
    this.directory = directory;
  }

  /** {@code wa.webhook.app-secret} -> {@code WA_WEBHOOK_APP_SECRET}, the MicroProfile Config mapping. */
  static String environmentName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  @Override
  public String getValue(String key) {
    if (key == null || key.isBlank() || key.equals(DIRECTORY_KEY)) {
      return null;
    }
    String named = environment.apply(environmentName(key) + FILE_SUFFIX);
    if (named != null && !named.isBlank()) {
      return read(Path.of(named), key);
    }
    return directory.flatMap(dir -> Stream.of(key, environmentName(key))
            .filter(name -> !name.contains("/") && !name.startsWith("."))
            .map(dir::resolve)
            .filter(Files::isRegularFile)
            .findFirst())
        .map(file -> read(file, key))
        .orElse(null);
  }

  /** The file names in the secrets directory; keys named by {@code *_FILE} variables are only looked up. */
  @Override
  public Set<String> getPropertyNames() {
    return getProperties().keySet();
  }

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>();
    directory.filter(Files::isDirectory).ifPresent(dir -> {
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(Files::isRegularFile)
            .map(f -> f.getFileName().toString())
            .filter(name -> !name.startsWith("."))
            .forEach(name -> properties.put(name, read(dir.resolve(name), name)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the secrets directory " + dir, e);
      }
    });
    return properties;
  }

  private static String read(Path file, String key) {
    try {
      String value = Files.readString(file, StandardCharsets.UTF_8);
      if (value.endsWith("\r\n")) {
        return value.substring(0, value.length() - 2);
      }
      return value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
    } catch (IOException e) {
      // Named but unreadable is a deployment mistake: fail loudly, never fall back to a default. The message
      // names the file, never its content.
      throw new IllegalStateException("cannot read the secret file for " + key + ": " + file, e);
    }
  }

  @Override
  public String getName() {
    return "crm-whatsapp-secret-files";
  }

  @Override
  public int getOrdinal() {
    return 295;
  }
}
