package dev.crm.whatsapp.dispatch;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Every second: publishes due messages (see {@link DueRetries}), batch after batch while a full batch
 * was found, for at most 0.9 s, so that a large backlog drains without one huge transaction and the
 * queue never runs dry between two polls at 1,000 sends/s.
 *
 * <p>A failed poll is logged, never thrown: on a slow start the first polls ran before the schema
 * existed, and after two failed timeouts Payara stopped delivering this automatic timer, so nothing was
 * ever published again (seen in a benchmark run, bench/e2e.sh). The poll itself runs outside any
 * transaction ({@code NOT_SUPPORTED}), so that each batch commits on its own: with the singleton's
 * default the whole drain was one transaction, and one failed batch would have failed the timeout.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DueRetriesPoller {
  private static final Logger LOG = Logger.getLogger(DueRetriesPoller.class.getName());

  @Inject DueRetries retries;

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  void poll() {
    try {
      long deadline = System.nanoTime() + 900_000_000L;
      while (retries.publishDue() == DueRetries.BATCH && System.nanoTime() - deadline < 0) {
        // keep draining
      }
    } catch (RuntimeException failed) {
      LOG.warning(() -> "Publishing due messages failed; the next poll tries again: " + failed);
    }
  }
}
