package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.analytics.RecipientTally;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.audience.Candidate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a run's recipients in batches as they stream in, merging duplicate phones (the first one is kept),
 * so that neither the audience nor the set of phones is ever held whole: each batch asks the database which
 * of its phones the run already has.
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

  public Batch open(TenantId tenant, String campaignId, int run, OffsetDateTime now) {
    return new Batch(tenant, campaignId, run, now);
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
    private final Map<String, Candidate> pending = new LinkedHashMap<>();
    private long added;
    private long merged;
    private final RecipientTally tally;

    private Batch(TenantId tenant, String campaignId, int run, OffsetDateTime now) {
      this.tenant = tenant;
      this.campaignId = campaignId;
      this.run = run;
      this.now = now;
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
      Set<String> present = new HashSet<>(campaigns.phonesPresent(campaignId, run, new ArrayList<>(pending.keySet())));
      EntityManager em = campaigns.em();
      for (Candidate c : pending.values()) {
        if (present.contains(c.phone().e164())) {
          merged++;
          continue;
        }
        CampaignRecipient recipient = CampaignRecipient.pending(tenant, campaignId, run, c.leadId(), c.name(),
            c.phone(), c.zone() == null ? null : c.zone().getId(), CampaignJson.writeVariables(c.variables()), now);
        campaigns.addRecipient(recipient);
        tally.move(recipient.variant().orElse(null), null, RecipientStatus.PENDING.name());
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
