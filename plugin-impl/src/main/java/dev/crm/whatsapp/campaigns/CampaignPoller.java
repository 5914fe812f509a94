package dev.crm.whatsapp.campaigns;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Every five seconds: starts scheduled campaigns that are due (a safety net for lost timers, and the
 * catch-up after downtime) and feeds the running ones at their throttle.
 */
@Singleton
public class CampaignPoller {

  @Inject CampaignRunner runner;

  // each campaign gets its own transaction inside; none around the whole tick
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  void tick() {
    runner.tick();
  }
}
