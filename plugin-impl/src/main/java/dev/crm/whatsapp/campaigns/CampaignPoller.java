package dev.crm.whatsapp.campaigns;

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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every five seconds: starts scheduled campaigns that are due (a safety net for lost timers, and the
 * catch-up after downtime) and feeds the running ones at their throttle. A {@link TimerChain}, not an
 * automatic timer: a poll that fails while the broker is still starting must not stop all future polls.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class CampaignPoller {
  private static final Logger LOG = Logger.getLogger(CampaignPoller.class.getName());
  static final Duration EVERY = Duration.ofSeconds(5);

  @Resource TimerService timerService;
  @Inject CampaignRunner runner;
  private TimerChain chain;

  @PostConstruct
  void start() {
    chain = new TimerChain(timerService, "campaign-poller", EVERY);
    chain.start();
  }

  // each campaign gets its own transaction inside; none around the whole tick
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  @Timeout
  void tick(Timer timer) {
    chain.armAfter(timer);
    try {
      runner.tick();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Campaign poll failed; the next one tries again", e);
    }
  }
}
