package dev.crm.whatsapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The UI components in a real browser (Debian's Chromium, driven by playwright-core from plugin-ui's
 * browser-tests), mounted by the demo CRM exactly as a host mounts them, against the WAR as built.
 * Screenshots land in plugin-ui/target/screenshots, the runner's output in target/browser-tests.log.
 */
@ExtendWith(PreviousServerGone.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserIT {
  private static final Path UI = Path.of("..", "plugin-ui").toAbsolutePath().normalize();
  private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

  private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

  /**
   * The WAR as built, on its embedded defaults but for one key: the 24-hour window is enforced as in
   * production (demo mode leaves it off), so the panel's "templates only outside the window" path is
   * the one a real host sees. The key is appended to the WAR's own defaults: Payara reads one such file.
   */
  @Deployment(testable = false)
  static WebArchive plugin() throws java.io.IOException {
    WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    String defaults;
    try (InputStream in = war.get(CONFIG).getAsset().openStream()) {
      defaults = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    war.delete(CONFIG);
    return war.addAsResource(new StringAsset(defaults + "\nwa.window.enforce=true\n"), "META-INF/microprofile-config.properties");
  }

  // A file, not this JVM's stdout: failsafe talks to its forked JVM over stdout.
  private static final Path OUTPUT = Path.of("target", "browser-tests.log").toAbsolutePath();

  @ArquillianResource URL base;

  private static String output() {
    try {
      return Files.readString(OUTPUT);
    } catch (java.io.IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  @Test
  void theComponentsWorkInARealBrowser() throws Exception {
    assertThat(CHROMIUM).as("Chromium is needed for the browser tests: apt-get install chromium").exists();
    assertThat(UI.resolve("node_modules/playwright-core")).as("run the plugin-ui build first (npm ci)").exists();

    ProcessBuilder npm = new ProcessBuilder("npm", "run", "-s", "test:browser")
        .directory(UI.toFile())
        .redirectErrorStream(true)
        .redirectOutput(OUTPUT.toFile());
    npm.environment().put("WA_BASE_URL", base.toString());
    npm.environment().put("CHROMIUM", CHROMIUM.toString());
    npm.environment().put("WA_SCREENSHOTS", UI.resolve("target/screenshots").toString());
    Process tests = npm.start();
    tests.getOutputStream().close();
    boolean finished = tests.waitFor(20, TimeUnit.MINUTES);
    if (!finished) {
      tests.destroyForcibly();
    }
    assertThat(finished).as("browser tests finished (a hung browser is stopped after 20 minutes)").isTrue();
    assertThat(tests.exitValue()).as(() -> "browser tests failed:\n" + output()).isZero();
    try (var shots = Files.list(UI.resolve("target/screenshots"))) {
      assertThat(shots.count()).as("screenshots taken").isPositive();
    }
  }
}
