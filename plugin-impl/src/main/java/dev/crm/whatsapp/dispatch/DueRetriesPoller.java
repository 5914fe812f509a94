package dev.crm.whatsapp.dispatch;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Every second: publishes due messages (see {@link DueRetries}), batch after batch while a full batch
 * was found, for at most 0.9 s, so that a large backlog drains without one huge transaction and the
 * queue never runs dry between two polls at 1,000 sends/s.
 */
@Singleton
public class DueRetriesPoller {

  @Inject DueRetries retries;

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  void poll() {
    long deadline = System.nanoTime() + 900_000_000L;
    while (retries.publishDue() == DueRetries.BATCH && System.nanoTime() - deadline < 0) {
      // keep draining
    }
  }
}
