package dev.crm.whatsapp.dispatch;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every two seconds: publishes due messages (see {@link DueRetries}), batch after batch while a full
 * batch was found, for at most a second, so that a large backlog drains without one huge transaction.
 * The work runs on a managed thread, not in the timeout: Payara expunges a timer whose timeout failed
 * twice, and a publish while the broker is down (at start, after a crash) can fail the timeout.
 */
@Singleton
public class DueRetriesPoller {

  @Inject DueRetries retries;
  @Resource ManagedExecutorService executor;

  private final AtomicBoolean running = new AtomicBoolean();

  @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
  void poll() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      executor.execute(() -> {
        try {
          drain();
        } finally {
          running.set(false);
        }
      });
    } catch (RuntimeException rejected) {
      running.set(false); // the next tick tries again
    }
  }

  private void drain() {
    long deadline = System.nanoTime() + 1_000_000_000L;
    while (retries.publishDue() == DueRetries.BATCH && System.nanoTime() - deadline < 0) {
      // keep draining
    }
  }
}
