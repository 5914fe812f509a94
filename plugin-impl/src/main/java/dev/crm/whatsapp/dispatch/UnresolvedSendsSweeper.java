package dev.crm.whatsapp.dispatch;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Once a minute, on every instance (the update is idempotent): see {@link UnresolvedSends}. The sweep has
 * its own transaction and a failure is logged, never thrown: Payara stops delivering an automatic timer
 * whose timeout failed twice, and unresolved sends would then stay unresolved for good.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UnresolvedSendsSweeper {
  private static final Logger LOG = Logger.getLogger(UnresolvedSendsSweeper.class.getName());

  @Inject UnresolvedSends unresolved;

  @Schedule(minute = "*", hour = "*", persistent = false)
  void sweep() {
    try {
      unresolved.markUnknown();
    } catch (RuntimeException e) {
      LOG.warning(() -> "Sweeping unresolved sends failed; the next sweep tries again: " + e);
    }
  }
}
