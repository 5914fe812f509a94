package dev.crm.whatsapp.campaigns;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives campaigns, each in its own transaction so one campaign's failure never stops another. A missed
 * run (the server was down at its time) starts at once when the timers are armed at start: once, however
 * many cron times were missed; the next run is then the next cron time after it started. The poll starts
 * a due run only when no timer did (see {@link #TIMER_GRACE}).
 */
@ApplicationScoped
public class CampaignRunner {
  private static final Logger LOG = Logger.getLogger(CampaignRunner.class.getName());

  /**
   * How long after its time a due run is left to its timer before the poll starts it: long enough that a
   * working timer always wins, short enough that a run whose timer died with its instance is not late by much.
   */
  static final Duration TIMER_GRACE = Duration.ofMinutes(1);

  /** How long one tick may keep feeding (ticks come every five seconds). */
  static final Duration FEEDING_PER_TICK = Duration.ofSeconds(4);

  @Inject CampaignRepository campaigns;
  @Inject CampaignEngine engine;
  @Inject RunSnapshot snapshot;
  @Inject Clock clock;

  public void tick() {
    OffsetDateTime overdue = OffsetDateTime.now(clock).minus(TIMER_GRACE);
    for (Campaign due : campaigns.inStatus(List.of(CampaignStatus.SCHEDULED))) {
      if (due.nextRunAt().map(at -> !at.isAfter(overdue)).orElse(false)) {
        startIfDue(due.id(), RunTrigger.CATCH_UP);
      }
    }
    long until = System.nanoTime() + FEEDING_PER_TICK.toNanos();
    for (Campaign running : campaigns.inStatus(List.of(CampaignStatus.RUNNING))) {
      try {
        if (running.snapshotPending()) {
          // a snapshot cut short (a crash mid-launch) is resumed; one in progress here is left alone
          snapshot.complete(running.id());
        }
        // batch after batch, each committed, while the throttle allows a full one and the tick lasts
        while (engine.feed(running.id()) == CampaignEngine.FEED_BATCH && System.nanoTime() - until < 0) {
          // keep feeding
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Feeding campaign " + running.id() + " failed; the next tick tries again", e);
      }
    }
  }

  /** True when this call started the run (its snapshot may still be unfinished: the ticks resume it). */
  public boolean startIfDue(String campaignId, RunTrigger trigger) {
    boolean started = false;
    try {
      started = engine.startIfDue(campaignId, trigger);
      if (started) {
        snapshot.complete(campaignId);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Starting campaign " + campaignId + " failed; the next tick tries again", e);
    }
    return started;
  }
}
