package dev.crm.whatsapp.it;

import java.net.URL;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The campaign detail's failure views in a real browser (plugin-ui's browser-tests/failures), against the WAR
 * with a sandbox that fails a quarter of its sends with 131026 (undeliverable, never retried) and a quarter
 * with 131053 (media refused: final, but retried on request), both reported by webhook as Meta does. A
 * deployment of its own, so that no other browser test sees a failed send.
 */
@ExtendWith(PreviousServerGone.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserFailuresIT {
  /** The screenshots this run takes; every other one in the docs is BrowserIT's. */
  static final Set<String> SCREENSHOTS = Set.of("campaign-detail-errors", "campaign-detail-retried");

  @Deployment(testable = false)
  static WebArchive plugin() throws java.io.IOException {
    return BrowserRun.warWith("wa.sandbox.outcomes=131026:25,131053:25");
  }

  @ArquillianResource URL base;

  @Test
  void aCampaignsFailuresAreShownExportedAndRetriedInARealBrowser() throws Exception {
    BrowserRun.npm("test:browser:failures", base, "browser-failures-tests.log");
    BrowserRun.assertTaken(SCREENSHOTS);
  }
}
