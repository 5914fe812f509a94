package dev.crm.whatsapp.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every configuration key the code reads is declared in the plugin descriptor, and every declared key is
 * documented in docs/configuration.md: the three never drift apart.
 */
class ConfigKeysAreDeclaredTest {
  /** A key where code reads config: {@code @ConfigProperty(name = ...)}, {@code getOptionalValue(...)}, ... */
  private static final Pattern KEY_IN_CODE = Pattern.compile(
      "(?:name = |Values?\\(|required\\(|optional\\()\"((?:wa|db)\\.[a-z0-9.-]+[a-z0-9])\"");
  private static final Pattern KEY_IN_MPCONFIG = Pattern.compile("\\$\\{MPCONFIG=((?:wa|db)\\.[a-z0-9.-]+?)[:}]");

  @Test
  void everyKeyTheCodeReadsIsDeclaredInTheDescriptor() throws IOException {
    Set<String> used = keysUsedByTheCode();
    assertThat(used).as("keys found in the code").contains("db.url", "wa.base-url", "wa.jms.port");
    assertThat(descriptorKeys()).containsAll(used);
  }

  @Test
  void everyDeclaredKeyIsDocumented() throws IOException {
    String documentation = Files.readString(Path.of("..", "docs", "configuration.md"));
    Set<String> undocumented = descriptorKeys().stream()
        .filter(key -> !documentation.contains("`" + key + "`"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(undocumented).isEmpty();
  }

  private static Set<String> keysUsedByTheCode() throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        collect(KEY_IN_CODE.matcher(source), keys);
        collect(KEY_IN_MPCONFIG.matcher(source), keys);
      }
    }
    Properties defaults = new Properties();
    try (InputStream in = Files.newInputStream(
        Path.of("src", "main", "resources", "META-INF", "microprofile-config.properties"))) {
      defaults.load(in);
    }
    keys.addAll(defaults.stringPropertyNames());
    return keys;
  }

  private static void collect(Matcher matcher, Set<String> keys) {
    while (matcher.find()) {
      keys.add(matcher.group(1));
    }
  }

  private static Set<String> descriptorKeys() throws IOException {
    try (InputStream in = ConfigKeysAreDeclaredTest.class.getClassLoader()
            .getResourceAsStream("META-INF/crm-plugin.json");
        JsonReader reader = Json.createReader(in)) {
      JsonObject descriptor = reader.readObject();
      return descriptor.getJsonArray("config").getValuesAs(JsonObject.class).stream()
          .map(c -> c.getString("key"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
