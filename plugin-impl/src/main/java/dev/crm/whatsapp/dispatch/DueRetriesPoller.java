package dev.crm.whatsapp.dispatch;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Every two seconds: publishes due messages (see {@link DueRetries}), batch after batch while a full
 * batch was found, for at most a second, so that a large backlog drains without one huge transaction.
 */
@Singleton
public class DueRetriesPoller {

  @Inject DueRetries retries;

  @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
  void poll() {
    long deadline = System.nanoTime() + 1_000_000_000L;
    while (retries.publishDue() == DueRetries.BATCH && System.nanoTime() - deadline < 0) {
      // keep draining
    }
  }
}
