package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.analytics.RecipientTally;
import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.api.host.LeadCriteria;
import dev.crm.whatsapp.api.host.LeadDirectory;
import dev.crm.whatsapp.api.host.Range;
import dev.crm.whatsapp.audience.AudienceSpec;
import dev.crm.whatsapp.audience.Audiences;
import dev.crm.whatsapp.audience.Candidate;
import dev.crm.whatsapp.host.SharedDatabaseLeadDirectory;
import dev.crm.whatsapp.platform.PhoneNormaliser;
import dev.crm.whatsapp.templates.MessageTemplate;
import dev.crm.whatsapp.templates.TemplateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes a started run's audience snapshot as its recipients, in steps of {@link RecipientWriter#BATCH}, each
 * its own transaction. The run is neither fed nor finished until the last step clears the campaign's
 * {@code snapshot_pending}; every step is idempotent (phones the run has are merged), so a snapshot cut short
 * by a crash is resumed from the start by the poller and ends with the same recipients.
 *
 * <p>With the host's tables in the plugin's database ({@link SharedDatabaseLeadDirectory}), the leads are
 * copied by one {@code INSERT ... SELECT} inside the database; a second pass, in batches from a saved cursor,
 * then does what only Java knows: libphonenumber's verdict, exclusions (opt-outs are kept under a keyed
 * hash), A/B variants and missing variables. Otherwise the leads are streamed from the directory and written
 * batch by batch.
 */
@ApplicationScoped
public class RunSnapshot {
  private static final Logger LOG = Logger.getLogger(RunSnapshot.class.getName());
  /** A cursor that means "copied, nothing vetted yet". */
  static final String COPIED = "";

  @Inject SnapshotTransactions transactions;
  @Inject Audiences audiences;
  @Inject LeadDirectory directory;
  @Inject PhoneNormaliser phones;
  @Inject Clock clock;

  private SnapshotTransactions.Unit unit;
  private final Set<String> inProgress = ConcurrentHashMap.newKeySet();

  public static RunSnapshot over(SnapshotTransactions.Unit unit, Audiences audiences, LeadDirectory directory,
      PhoneNormaliser phones, Clock clock) {
    RunSnapshot snapshot = new RunSnapshot();
    snapshot.unit = unit;
    snapshot.audiences = audiences;
    snapshot.directory = directory;
    snapshot.phones = phones;
    snapshot.clock = clock;
    return snapshot;
  }

  /** The state of a run being snapshot, read in the first step. */
  private record Start(TenantId tenant, int run, AudienceSpec spec, RunPlan plan, String cursor) {}

  /** Writes the pending snapshot of the campaign's current run, if any; false when another thread is on it. */
  public boolean complete(String campaignId) {
    if (!inProgress.add(campaignId)) {
      return false;
    }
    try {
      Start start = unit().run(repo -> repo.lock(campaignId).filter(Campaign::snapshotPending)
          .map(c -> new Start(c.tenant(), c.runNo(), CampaignJson.audience(c.audienceJson()),
              new RunPlan(c, templatesOf(c, repo), directory), c.snapshotCursor().orElse(null)))
          .orElse(null));
      if (start == null) {
        return true;
      }
      if (start.spec().isList()) {
        copyList(campaignId, start);
      } else if (directory instanceof SharedDatabaseLeadDirectory shared) {
        copyInDatabase(campaignId, start, shared);
      } else {
        stream(campaignId, start);
      }
      unit().run(repo -> {
        repo.lock(campaignId).filter(c -> c.runNo() == start.run()).ifPresent(Campaign::snapshotDone);
        return null;
      });
      LOG.info(() -> "Campaign " + campaignId + " run " + start.run() + " snapshot written");
      return true;
    } finally {
      inProgress.remove(campaignId);
    }
  }

  private void stream(String campaignId, Start start) {
    List<Candidate> chunk = new ArrayList<>(RecipientWriter.BATCH);
    audiences.resolve(start.tenant(), start.spec(), candidate -> {
      chunk.add(candidate);
      if (chunk.size() == RecipientWriter.BATCH) {
        write(campaignId, start, chunk);
        chunk.clear();
      }
    }, reason -> { });
    write(campaignId, start, chunk);
  }

  private void copyList(String campaignId, Start start) {
    int first = 0;
    int size;
    do {
      int from = first;
      List<Candidate> page = unit().run(repo -> repo.recipients(campaignId, 0, null, from, RecipientWriter.BATCH)
          .stream().map(r -> new Candidate(r.leadId().orElse(null), r.name().orElse(null), r.phone(),
              r.timeZone().map(ZoneId::of).orElse(null), CampaignJson.variables(r.variablesJson().orElse(null))))
          .toList());
      write(campaignId, start, page);
      size = page.size();
      first += size;
    } while (size == RecipientWriter.BATCH);
  }

  /** One step: these candidates into the run, unless the run moved on meanwhile (cancelled, another run). */
  private void write(String campaignId, Start start, List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return;
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    unit().run(repo -> {
      if (repo.lock(campaignId).filter(c -> stillSnapshotting(c, start)).isEmpty()) {
        return null;
      }
      try (RecipientWriter.Batch batch = RecipientWriter.over(repo).open(start.tenant(), campaignId, start.run(),
          now, start.plan()::place)) {
        candidates.forEach(batch::add);
      }
      return null;
    });
  }

  private void copyInDatabase(String campaignId, Start start, SharedDatabaseLeadDirectory shared) {
    String cursor = start.cursor();
    if (cursor == null) {
      OffsetDateTime now = OffsetDateTime.now(clock);
      // not locked: the copy's foreign-key checks read the campaign row, from another connection in tests
      cursor = unit().run(repo -> Optional.ofNullable(repo.em().find(Campaign.class, campaignId))
          .filter(c -> stillSnapshotting(c, start)).map(c -> {
        long copied = shared.copyInto(start.tenant(), start.spec().criteria(), phones.defaultCallingCode(),
            campaignId, start.run(), now);
        LOG.info(() -> "Campaign " + campaignId + " run " + start.run() + ": " + copied + " leads copied in the database");
        RecipientTally tally = new RecipientTally(start.tenant().value(), campaignId, start.run());
        tally.move(null, null, RecipientStatus.PENDING.name(), Math.toIntExact(copied));
        tally.writeTo(repo.em(), now);
        c.snapshotVetted(COPIED);
        return COPIED;
      }).orElse(null));
    }
    while (cursor != null) {
      String after = cursor;
      cursor = unit().run(repo -> vet(repo, campaignId, start, after));
    }
  }

  /** Vets the next batch after {@code after}; the last id vetted, or null when done. */
  private String vet(CampaignRepository repo, String campaignId, Start start, String after) {
    Campaign campaign = repo.lock(campaignId).filter(c -> stillSnapshotting(c, start)).orElse(null);
    if (campaign == null) {
      return null;
    }
    List<CampaignRecipient> rows = repo.recipientsAfter(campaignId, start.run(), after, RecipientWriter.BATCH);
    if (rows.isEmpty()) {
      return null;
    }
    Map<String, Lead> leads = leadsOf(start.tenant(), rows);
    OffsetDateTime now = OffsetDateTime.now(clock);
    // The copy counted every row as a pending recipient without a variant; each vetted row is counted again
    // as what it became (removed, or placed in its variant, perhaps skipped).
    RecipientTally tally = new RecipientTally(start.tenant().value(), campaignId, start.run());
    for (CampaignRecipient row : rows) {
      tally.move(null, RecipientStatus.PENDING.name(), null);
      Optional<PhoneNumber> phone = phones.normalise(row.phoneText()).filter(p -> p.e164().equals(row.phoneText()));
      if (phone.isEmpty() || audiences.excluded(start.tenant(), phone.get()).isPresent()) {
        repo.em().remove(row);
        continue;
      }
      RecipientWriter.Placement where = start.plan().place(new Candidate(row.leadId().orElse(null),
          row.name().orElse(null), phone.get(), row.timeZone().map(ZoneId::of).orElse(null), null,
          row.leadId().map(leads::get).orElse(null)));
      row.assignVariant(where.variant());
      if (where.skipReason() != null) {
        row.skipped(where.skipReason(), now);
      }
      tally.move(row.variant().orElse(null), null, row.status().name());
    }
    tally.writeTo(repo.em(), now);
    String last = rows.get(rows.size() - 1).id();
    campaign.snapshotVetted(last);
    return last;
  }

  private Map<String, Lead> leadsOf(TenantId tenant, List<CampaignRecipient> rows) {
    Set<LeadId> ids = rows.stream().flatMap(r -> r.leadId().stream()).map(LeadId::of).collect(Collectors.toSet());
    Map<String, Lead> leads = new HashMap<>();
    if (ids.isEmpty()) {
      return leads;
    }
    try (Stream<Lead> found = directory.select(tenant,
        new LeadCriteria(null, null, null, null, null, null, null, null, ids), Range.ALL)) {
      found.forEach(lead -> leads.put(lead.id().value(), lead));
    }
    return leads;
  }

  private static boolean stillSnapshotting(Campaign campaign, Start start) {
    return campaign.snapshotPending() && campaign.runNo() == start.run() && !campaign.status().isFinal();
  }

  static Map<String, MessageTemplate> templatesOf(Campaign campaign, CampaignRepository repo) {
    TemplateRepository templates = TemplateRepository.over(repo.em());
    Map<String, MessageTemplate> found = new HashMap<>();
    CampaignContent.of(campaign).templates().forEach(choice -> templates.find(campaign.tenant(), choice.templateId())
        .ifPresent(t -> found.put(t.id(), t)));
    return found;
  }

  private SnapshotTransactions.Unit unit() {
    return unit != null ? unit : transactions.asUnit();
  }
}
