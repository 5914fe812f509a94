package dev.crm.whatsapp.accounts;

import dev.crm.whatsapp.dispatch.SenderOutcomes;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Once a minute: this instance's counted provider calls are written ({@link SenderOutcomes}), then every
 * number's health is recomputed ({@link SenderHealth}). The refresh has its own transaction and a failure is logged,
 * never thrown, so that Payara never stops delivering this timer after failed timeouts.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SenderHealthPoller {
  private static final Logger LOG = Logger.getLogger(SenderHealthPoller.class.getName());

  @Inject SenderHealth health;
  @Inject SenderOutcomes outcomes;

  @Schedule(minute = "*", hour = "*", persistent = false)
  void refresh() {
    try {
      outcomes.flush();
      health.refreshAll();
    } catch (RuntimeException e) {
      LOG.warning(() -> "Refreshing sender health failed; the next refresh tries again: " + e);
    }
  }
}
