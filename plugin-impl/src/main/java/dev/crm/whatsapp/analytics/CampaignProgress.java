package dev.crm.whatsapp.analytics;

import dev.crm.whatsapp.api.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Reads a campaign's progress from its counters; the rate comes from the samples its stream kept. */
@ApplicationScoped
public class CampaignProgress {
  static final Duration RATE_WINDOW = Duration.ofMinutes(1);

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  @Inject Clock clock;

  public static CampaignProgress over(EntityManager em, Clock clock) {
    CampaignProgress progress = new CampaignProgress();
    progress.em = em;
    progress.clock = clock;
    return progress;
  }

  /** Whether the tenant has this campaign (checked once, when a stream opens). */
  public boolean exists(TenantId tenant, String campaignId) {
    return CampaignRow.find(em, tenant, campaignId).isPresent();
  }

  /**
   * The campaign's progress now; {@code samples} (time, done) are the stream's, updated here. In a
   * transaction because it runs on a scheduler thread, where an entity manager without one closes after
   * each statement.
   */
  @Transactional
  public Optional<Snapshot> now(TenantId tenant, String campaignId, Samples samples) {
    return CampaignRow.find(em, tenant, campaignId).map(campaign -> {
      StatusCounts counts = new StatusCounts();
      long[] responded = {0};
      StatRows.counts(em, campaignId).stream().filter(c -> c.runNo() == campaign.runNo())
          .forEach(c -> counts.add(c.status(), c.n()));
      StatRows.hours(em, campaignId).stream().filter(h -> h.runNo() == campaign.runNo())
          .forEach(h -> responded[0] += h.events().responded());
      Instant now = clock.instant();
      samples.add(now, counts.done());
      Double rate = samples.perMinute();
      long left = counts.total() - counts.done();
      OffsetDateTime waiting = campaign.resumesAt() != null && campaign.resumesAt().isAfter(now)
          ? campaign.resumesAt().atOffset(ZoneOffset.UTC) : null;
      OffsetDateTime eta = "RUNNING".equals(campaign.status()) && rate != null && rate > 0 && waiting == null
          ? now.plusSeconds((long) Math.ceil(left / rate * 60)).atOffset(ZoneOffset.UTC) : null;
      String reason = campaign.statusReason() != null || waiting == null ? campaign.statusReason()
          : "waiting for the send window until " + waiting.atZoneSameInstant(campaign.zone())
              .format(DateTimeFormatter.ofPattern("HH:mm"));
      return new Snapshot(new ProgressView(campaign.id(), campaign.status(), reason, counts.total(), counts.done(),
          counts.json(responded[0]), rate, eta, waiting), campaign.ended());
    });
  }

  /** A progress event, and whether the campaign has ended (the stream then closes). */
  public record Snapshot(ProgressView view, boolean ended) {}

  /** Recent (time, done) pairs of one stream, for the observed rate. */
  public static final class Samples {
    private final Deque<long[]> recent = new ArrayDeque<>();

    synchronized void add(Instant at, long done) {
      recent.addLast(new long[] {at.toEpochMilli(), done});
      while (recent.size() > 2 && at.toEpochMilli() - recent.peekFirst()[0] > RATE_WINDOW.toMillis()) {
        recent.removeFirst();
      }
    }

    /** Recipients done per minute over the window, or null before two samples a second apart. */
    synchronized Double perMinute() {
      if (recent.size() < 2 || recent.peekLast()[0] - recent.peekFirst()[0] < 1000) {
        return null;
      }
      double minutes = (recent.peekLast()[0] - recent.peekFirst()[0]) / 60_000.0;
      return Math.max(0, (recent.peekLast()[1] - recent.peekFirst()[1]) / minutes);
    }
  }
}
