package dev.crm.whatsapp.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Says where the plugin answers once it has started, and warns loudly in demo mode. In demo mode the URL to
 * open is the demo CRM, which is what a first run is for.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class StartupBanner {
  private static final Logger LOG = Logger.getLogger(StartupBanner.class.getName());

  @Inject
  @ConfigProperty(name = "wa.base-url", defaultValue = "http://localhost:8080/whatsapp")
  String baseUrl;

  @PostConstruct
  void announce() {
    String base = baseUrl.replaceAll("/+$", "");
    if (RunMode.current().isDemo()) {
      LOG.warning("DEMO MODE: demo data, a demo token endpoint and self-signed tokens are on."
          + " Set WA_MODE=production for real use.");
      // The first-run URL is the demo CRM: the context root itself has no page to open.
      LOG.info("WhatsApp plugin ready: open the demo CRM at " + base + "/demo/ (API " + base + "/api/v1)");
    } else {
      LOG.info("WhatsApp plugin ready at " + base + "/ (API " + base + "/api/v1)");
    }
  }
}
