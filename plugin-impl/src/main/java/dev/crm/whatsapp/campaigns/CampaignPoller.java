package dev.crm.whatsapp.campaigns;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every five seconds: starts scheduled campaigns that are due (a safety net for lost timers, and the
 * catch-up after downtime) and feeds the running ones at their throttle. A failure is logged, never
 * thrown (Payara stops delivering an automatic timer whose timeout failed twice).
 */
@Singleton
public class CampaignPoller {
  private static final Logger LOG = Logger.getLogger(CampaignPoller.class.getName());

  @Inject CampaignRunner runner;

  // each campaign gets its own transaction inside; none around the whole tick
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  void tick() {
    try {
      runner.tick();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Campaign poll failed; the next one tries again", e);
    }
  }
}
