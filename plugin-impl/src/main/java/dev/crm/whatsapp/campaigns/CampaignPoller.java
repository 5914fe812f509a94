package dev.crm.whatsapp.campaigns;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every five seconds: starts scheduled campaigns that are due (a safety net for lost timers, and the
 * catch-up after downtime) and feeds the running ones at their throttle.
 *
 * <p>The work runs on a managed thread, not in the timeout itself: a timeout that failed twice is
 * expunged by Payara for good, and a feed whose broker is not up yet (at start, after a crash) left the
 * timeout failed although its exception was caught — after which no campaign was ever fed again. One tick
 * at a time: a tick that finds the previous one still running does nothing.
 */
@Singleton
public class CampaignPoller {

  @Inject CampaignRunner runner;
  @Resource ManagedExecutorService executor;

  private final AtomicBoolean running = new AtomicBoolean();

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  void tick() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      executor.execute(() -> {
        try {
          runner.tick(); // each campaign gets its own transaction inside; none around the whole tick
        } finally {
          running.set(false);
        }
      });
    } catch (RuntimeException rejected) {
      running.set(false); // the next tick tries again
    }
  }
}
