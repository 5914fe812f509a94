package dev.crm.whatsapp.it;

import java.net.URL;
import java.util.Set;
import dev.crm.whatsapp.testing.WahaStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The UI components in a real browser (Debian's Chromium, driven by playwright-core from plugin-ui's
 * browser-tests), mounted by the demo CRM exactly as a host mounts them, against the WAR as built.
 * Screenshots land in plugin-ui/target/screenshots (and docs/images, see {@link BrowserRun}), the runner's
 * output in target/browser-tests.log. The campaign-failure views run apart, in {@link BrowserFailuresIT}.
 */
@ExtendWith(PreviousServerGone.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserIT {

  /**
   * The WAR as built, on its embedded defaults but for one key: the 24-hour window is enforced as in
   * production (demo mode leaves it off), so the panel's "templates only outside the window" path is
   * the one a real host sees. The key is appended to the WAR's own defaults: Payara reads one such file.
   */
  @Deployment(testable = false)
  static WebArchive plugin() throws java.io.IOException {
    return BrowserRun.warWith("wa.window.enforce=true");
  }

  /** A WAHA gateway stub whose session waits for a QR scan: the sender numbers page links a phone through it. */
  private static WahaStub waha;

  @BeforeAll
  static void startGatewayStub() throws java.io.IOException {
    waha = WahaStub.start(Integer.getInteger("it.stub.port"), BrowserRun.WAHA_KEY);
    waha.session("default", "SCAN_QR_CODE");
    waha.qrImage(BrowserRun.qrLikePng());
  }

  @AfterAll
  static void stopGatewayStub() {
    waha.close();
  }

  @ArquillianResource URL base;

  @Test
  void theComponentsWorkInARealBrowser() throws Exception {
    BrowserRun.npm("test:browser", base, "browser-tests.log", java.util.Map.of("WA_WAHA_URL", waha.baseUrl().toString(),
        "WA_WAHA_KEY", BrowserRun.WAHA_KEY));
    Set<String> mine = new java.util.TreeSet<>(BrowserRun.documentedScreenshots());
    mine.removeAll(BrowserFailuresIT.SCREENSHOTS);
    BrowserRun.assertTaken(mine);
  }
}
