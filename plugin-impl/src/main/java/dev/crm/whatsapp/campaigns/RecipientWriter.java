package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.analytics.RecipientTally;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.audience.Candidate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a run's recipients in batches as they stream in, merging duplicate phones (the first one is kept),
 * so that neither the audience nor the set of phones is ever held whole: a batch merges its own duplicates,
 * the run's unique phone index the ones it already has.
 */
@ApplicationScoped
public class RecipientWriter {
  static final int BATCH = 500;

  @Inject CampaignRepository campaigns;

  public static RecipientWriter over(CampaignRepository campaigns) {
    RecipientWriter writer = new RecipientWriter();
    writer.campaigns = campaigns;
    return writer;
  }

  /**
   * Where a candidate goes in the run: its A/B variant (or {@code null}), and a reason to write it already
   * {@code SKIPPED} (e.g. a variable without a value), or {@code null} to write it pending.
   */
  public record Placement(String variant, String skipReason) {
    public static final Placement PENDING = new Placement(null, null);
  }

  public Batch open(TenantId tenant, String campaignId, int run, OffsetDateTime now) {
    return open(tenant, campaignId, run, now, candidate -> Placement.PENDING);
  }

  /** A batch that asks {@code placement} where each candidate goes. */
  public Batch open(TenantId tenant, String campaignId, int run, OffsetDateTime now,
      Function<Candidate, Placement> placement) {
    return new Batch(tenant, campaignId, run, now, placement);
  }

  /** Copies run {@code from}'s recipients (an uploaded list) into the batch's run. */
  public void copyRun(String campaignId, int from, Batch batch) {
    int first = 0;
    List<CampaignRecipient> page;
    do {
      page = campaigns.recipients(campaignId, from, null, first, BATCH);
      page.forEach(r -> batch.add(new Candidate(r.leadId().orElse(null), r.name().orElse(null), r.phone(),
          r.timeZone().map(java.time.ZoneId::of).orElse(null), CampaignJson.variables(r.variablesJson().orElse(null)))));
      first += page.size();
    } while (page.size() == BATCH);
  }

  /** Recipients being written to one run. Close it to write the last batch. */
  public final class Batch implements AutoCloseable {
    private final TenantId tenant;
    private final String campaignId;
    private final int run;
    private final OffsetDateTime now;
    private final Function<Candidate, Placement> placement;
    private final Map<String, Candidate> pending = new LinkedHashMap<>();
    private long added;
    private long merged;
    private long skipped;
    private final RecipientTally tally;

    private Batch(TenantId tenant, String campaignId, int run, OffsetDateTime now,
        Function<Candidate, Placement> placement) {
      this.tenant = tenant;
      this.campaignId = campaignId;
      this.run = run;
      this.now = now;
      this.placement = placement;
      this.tally = new RecipientTally(tenant.value(), campaignId, run);
    }

    public void add(Candidate candidate) {
      if (pending.putIfAbsent(candidate.phone().e164(), candidate) != null) {
        merged++;
      }
      if (pending.size() >= BATCH) {
        flush();
      }
    }

    private void flush() {
      if (pending.isEmpty()) {
        return;
      }
      EntityManager em = campaigns.em();
      for (Candidate c : pending.values()) {
        CampaignRecipient recipient = CampaignRecipient.pending(tenant, campaignId, run, c.leadId(), c.name(),
            c.phone(), c.zone() == null ? null : c.zone().getId(), CampaignJson.writeVariables(c.variables()), now);
        Placement where = placement.apply(c);
        recipient.assignVariant(where.variant());
        if (where.skipReason() != null) {
          recipient.skipped(where.skipReason(), now);
        }
        if (!campaigns.addRecipientUnlessPresent(recipient)) {
          merged++;
          continue;
        }
        if (where.skipReason() != null) {
          skipped++;
        }
        tally.move(recipient.variant().orElse(null), null, recipient.status().name());
        added++;
      }
      pending.clear();
      em.flush();
      tally.writeTo(em, now);
      em.clear();
    }

    /** Recipients written so far. */
    public long added() {
      flush();
      return added;
    }

    /** Recipients written already skipped (counted in {@link #added}). */
    public long skipped() {
      flush();
      return skipped;
    }

    /** Rows left out because their phone was already in the run. */
    public long merged() {
      flush();
      return merged;
    }

    @Override
    public void close() {
      flush();
    }
  }
}
