package dev.crm.whatsapp.accounts;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Once a minute: see {@link SenderHealth}. The refresh has its own transaction and a failure is logged,
 * never thrown, so that Payara never stops delivering this timer after failed timeouts.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SenderHealthPoller {
  private static final Logger LOG = Logger.getLogger(SenderHealthPoller.class.getName());

  @Inject SenderHealth health;

  @Schedule(minute = "*", hour = "*", persistent = false)
  void refresh() {
    try {
      health.refreshAll();
    } catch (RuntimeException e) {
      LOG.warning(() -> "Refreshing sender health failed; the next refresh tries again: " + e);
    }
  }
}
