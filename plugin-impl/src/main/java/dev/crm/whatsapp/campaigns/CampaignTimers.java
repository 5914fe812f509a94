package dev.crm.whatsapp.campaigns;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
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
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
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
// No state to guard (the timer service is thread-safe, the database decides who starts a run): without this,
// the container's write lock made arming a schedule wait for a firing timer's whole snapshot, minutes for a
// big audience, and two due campaigns start one after the other.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CampaignTimers {
  private static final Logger LOG = Logger.getLogger(CampaignTimers.class.getName());

  @Resource TimerService timerService;
  @Inject CampaignRepository campaigns;
  @Inject CampaignRunner runner;
  @Inject Clock clock;

  @PostConstruct
  void armFromDatabase() {
    List<Campaign> scheduled = campaigns.inStatus(List.of(CampaignStatus.SCHEDULED));
    scheduled.forEach(c -> c.nextRunAt().ifPresent(at -> arm(c.id(), at)));
    LOG.info(() -> "Armed timers for " + scheduled.size() + " scheduled campaigns");
  }

  /** A single-action timer at {@code at} (at once when already past: the catch-up of a missed run). */
  public void arm(String campaignId, OffsetDateTime at) {
    timerService.createSingleActionTimer(Date.from(notBefore(at.toInstant())), new TimerConfig(campaignId, false));
  }

  /**
   * The first millisecond not before {@code due}. A timer takes whole milliseconds and the stored time has
   * microseconds: armed at the truncated millisecond it could fire a fraction of one before the run is due,
   * find it not due, and leave the run to the catch-up poll a minute later.
   */
  static Instant notBefore(Instant due) {
    Instant millis = due.truncatedTo(ChronoUnit.MILLIS);
    return millis.isBefore(due) ? millis.plusMillis(1) : millis;
  }

  /** Arms the timer of a schedule once it is committed: a first run, or a recurring campaign's next one. */
  public void armWhenStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) NextRunPlanned planned) {
    arm(planned.campaignId(), planned.at());
  }

  // each campaign gets its own transaction inside; none around the whole tick
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  @Timeout
  void fire(Timer timer) {
    String campaignId = (String) timer.getInfo();
    if (!runner.startIfDue(campaignId, RunTrigger.TIMER)) {
      // early (the wall clock was stepped back since arming): look again at the stored time
      OffsetDateTime now = OffsetDateTime.now(clock);
      Optional.ofNullable(campaigns.em().find(Campaign.class, campaignId))
          .filter(c -> c.status() == CampaignStatus.SCHEDULED)
          .flatMap(Campaign::nextRunAt).filter(at -> at.isAfter(now))
          .ifPresent(at -> arm(campaignId, at));
    }
  }
}
