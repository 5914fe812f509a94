package dev.crm.whatsapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Runs one of plugin-ui's browser-test scripts against a deployed WAR, and holds the docs to the screenshots:
 * every image {@code docs/ui-extension-points.md} shows must be one the browser tests take, so the docs never
 * show a screen the tests no longer reach. (docs/images is refreshed from plugin-ui/target/screenshots with
 * {@code npm run docs:images} after a full run, and committed.)
 */
final class BrowserRun {
  static final Path UI = Path.of("..", "plugin-ui").toAbsolutePath().normalize();
  static final Path SCREENSHOTS = UI.resolve("target/screenshots");
  private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  private static final Path DOCS = Path.of("..", "docs", "ui-extension-points.md").toAbsolutePath().normalize();
  private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

  /** The API key of the WAHA stub BrowserIT runs, which the sender-numbers test gives its gateway number. */
  static final String WAHA_KEY = "browser-waha-key";

  private BrowserRun() {}

  /** The WAR as built, with {@code lines} appended to its own defaults (Payara reads one such file). */
  static WebArchive warWith(String... lines) throws IOException {
    WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    String defaults;
    try (InputStream in = war.get(CONFIG).getAsset().openStream()) {
      defaults = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    war.delete(CONFIG);
    return war.addAsResource(new StringAsset(defaults + "\n" + String.join("\n", lines) + "\n"),
        "META-INF/microprofile-config.properties");
  }

  /** {@code npm run <script>} against {@code base}; its output goes to target/{@code log} (failsafe owns stdout). */
  static void npm(String script, URL base, String log) throws IOException, InterruptedException {
    npm(script, base, log, java.util.Map.of());
  }

  /** As above, with more environment for the tests (e.g. where a stub they use listens). */
  static void npm(String script, URL base, String log, java.util.Map<String, String> environment)
      throws IOException, InterruptedException {
    assertThat(CHROMIUM).as("Chromium is needed for the browser tests: apt-get install chromium").exists();
    assertThat(UI.resolve("node_modules/playwright-core")).as("run the plugin-ui build first (npm ci)").exists();
    Path output = Path.of("target", log).toAbsolutePath();
    ProcessBuilder npm = new ProcessBuilder("npm", "run", "-s", script)
        .directory(UI.toFile())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    npm.environment().put("WA_BASE_URL", base.toString());
    npm.environment().put("CHROMIUM", CHROMIUM.toString());
    npm.environment().put("WA_SCREENSHOTS", SCREENSHOTS.toString());
    npm.environment().putAll(environment);
    Process tests = npm.start();
    tests.getOutputStream().close();
    boolean finished = tests.waitFor(20, TimeUnit.MINUTES);
    if (!finished) {
      tests.destroyForcibly();
    }
    assertThat(finished).as("browser tests finished (a hung browser is stopped after 20 minutes)").isTrue();
    assertThat(tests.exitValue()).as(() -> "browser tests failed:\n" + read(output)).isZero();
  }

  /** The screenshots the UI docs show, by file name without {@code .png}. */
  static Set<String> documentedScreenshots() throws IOException {
    Set<String> names = new TreeSet<>();
    Matcher images = Pattern.compile("\\]\\(images/([a-z0-9-]+)\\.png\\)").matcher(Files.readString(DOCS));
    while (images.find()) {
      names.add(images.group(1));
    }
    return names;
  }

  /** Asserts that this run took each of {@code names}. */
  static void assertTaken(Set<String> names) {
    assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(SCREENSHOTS.resolve(name + ".png"))
        .as("screenshot %s, shown in docs/ui-extension-points.md", name).exists());
  }

  /**
   * A 29-module image that looks like a QR code (three finder squares, modules from a fixed seed), for the
   * gateway stub to answer: the stub's 1-pixel PNG would show as a flat square in the docs' screenshot.
   * It encodes nothing; the plugin passes the gateway's image through untouched either way.
   */
  static byte[] qrLikePng() throws IOException {
    int modules = 29;
    int scale = 8;
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage((modules + 8) * scale, (modules + 8) * scale,
        java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(java.awt.Color.BLACK);
    java.util.Random modulesFrom = new java.util.Random(29);
    for (int y = 0; y < modules; y++) {
      for (int x = 0; x < modules; x++) {
        boolean finderArea = (x < 8 || x >= modules - 8) && y < 8 || x < 8 && y >= modules - 8;
        if (!finderArea && modulesFrom.nextBoolean()) {
          g.fillRect((x + 4) * scale, (y + 4) * scale, scale, scale);
        }
      }
    }
    for (int[] corner : new int[][] {{0, 0}, {modules - 7, 0}, {0, modules - 7}}) {
      int x = (corner[0] + 4) * scale;
      int y = (corner[1] + 4) * scale;
      g.fillRect(x, y, 7 * scale, 7 * scale);
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(x + scale, y + scale, 5 * scale, 5 * scale);
      g.setColor(java.awt.Color.BLACK);
      g.fillRect(x + 2 * scale, y + 2 * scale, 3 * scale, 3 * scale);
    }
    g.dispose();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static String read(Path output) {
    try {
      return Files.readString(output);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }
}
