package dev.crm.whatsapp.conversion;

import dev.crm.whatsapp.api.host.CustomerDirectory;
import dev.crm.whatsapp.host.SharedDatabaseCustomerDirectory;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every five minutes, records the conversions the host wrote into its customer table. Only in
 * shared-database mode: a host that provides its own {@code CustomerDirectory} reports conversions by
 * REST or CDI event, and its tables may not be ours to read.
 */
@Singleton
public class ConversionScanTimer {
  private static final Logger LOG = Logger.getLogger(ConversionScanTimer.class.getName());

  @Inject HostConversionScan scan;
  @Inject CustomerDirectory customers;

  @Inject
  @ConfigProperty(name = "wa.conversion.scan-enabled", defaultValue = "true")
  boolean enabled;

  @Schedule(minute = "*/5", hour = "*", persistent = false)
  void scan() {
    if (!enabled || !(customers instanceof SharedDatabaseCustomerDirectory)) {
      return;
    }
    try {
      int recorded = scan.scanOnce();
      if (recorded > 0) {
        LOG.info(() -> recorded + " conversion(s) found in the host's customer table");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Conversion scan failed; next try in five minutes", e);
    }
  }
}
