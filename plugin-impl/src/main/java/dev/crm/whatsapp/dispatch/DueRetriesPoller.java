package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.platform.TimerChain;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Every second: publishes due messages (see {@link DueRetries}), batch after batch while a full batch
 * was found, for at most 0.9 s, so that a large backlog drains without one huge transaction and the
 * queue never runs dry between two polls at 1,000 sends/s.
 *
 * <p>A {@link TimerChain}, not an automatic timer: on a slow start, or while the broker is still starting
 * after a crash, the first polls fail, and Payara stops delivering an automatic timer whose timeout
 * failed twice, so nothing would ever be published again. The poll runs outside any transaction
 * ({@code NOT_SUPPORTED}) so that each batch commits on its own.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DueRetriesPoller {
  private static final Logger LOG = Logger.getLogger(DueRetriesPoller.class.getName());
  static final Duration EVERY = Duration.ofSeconds(1);

  @Resource TimerService timerService;
  @Inject DueRetries retries;
  private TimerChain chain;

  @PostConstruct
  void start() {
    chain = new TimerChain(timerService, "due-retries-poller", EVERY);
    chain.start();
  }

  @Timeout
  void poll(Timer timer) {
    chain.armAfter(timer);
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
