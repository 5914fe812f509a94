package dev.crm.whatsapp.campaigns;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.logging.Logger;

/**
 * One non-persistent EJB timer per scheduled campaign, armed from the database at start (persistent timers
 * do not survive a Payara Micro restart). A timer only says "look now": the run starts if the database still
 * says the campaign is scheduled and due, so stale timers (rescheduled, unscheduled, or a second timer for
 * the same run) do nothing.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class CampaignTimers {
  private static final Logger LOG = Logger.getLogger(CampaignTimers.class.getName());

  @Resource TimerService timerService;
  @Inject CampaignRepository campaigns;
  @Inject CampaignRunner runner;

  @PostConstruct
  void armFromDatabase() {
    List<Campaign> scheduled = campaigns.inStatus(List.of(CampaignStatus.SCHEDULED));
    scheduled.forEach(c -> c.nextRunAt().ifPresent(at -> arm(c.id(), at)));
    LOG.info(() -> "Armed timers for " + scheduled.size() + " scheduled campaigns");
  }

  /** A single-action timer at {@code at} (at once when already past: the catch-up of a missed run). */
  public void arm(String campaignId, OffsetDateTime at) {
    timerService.createSingleActionTimer(Date.from(at.toInstant()), new TimerConfig(campaignId, false));
  }

  /** Arms the timer of a schedule once it is committed: a first run, or a recurring campaign's next one. */
  public void armWhenStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) NextRunPlanned planned) {
    arm(planned.campaignId(), planned.at());
  }

  // each campaign gets its own transaction inside; none around the whole tick
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  @Timeout
  void fire(Timer timer) {
    runner.startIfDue((String) timer.getInfo(), RunTrigger.TIMER);
  }
}
