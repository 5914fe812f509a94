package dev.crm.whatsapp.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.api.host.LeadCriteria;
import dev.crm.whatsapp.api.host.LeadDirectory;
import dev.crm.whatsapp.api.host.Range;
import dev.crm.whatsapp.audience.AudienceExclusion;
import dev.crm.whatsapp.audience.Audiences;
import dev.crm.whatsapp.host.LeadTables;
import dev.crm.whatsapp.host.SharedDatabaseLeadDirectory;
import dev.crm.whatsapp.platform.PhoneNormaliser;
import dev.crm.whatsapp.analytics.CampaignStatistics;
import dev.crm.whatsapp.analytics.StatsView;
import dev.crm.whatsapp.analytics.TimeBucket;
import dev.crm.whatsapp.testing.PluginDatabase;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The launch snapshot on PostgreSQL, both ways: with the host's tables in the plugin's database, one
 * {@code INSERT ... SELECT} and a vetting pass; through any other directory, streamed in batches. Either way
 * each batch is its own transaction, leads without a valid phone and opted-out numbers are left out,
 * duplicates merged, and a snapshot cut short by a crash is resumed to the same recipients.
 */
class RunSnapshotPgTest {
  private static final TenantId SNAP = TenantId.of("snap");
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T10:00:00Z");
  private static final String OPTED_OUT = "+6281360000020";
  /** 1,200 leads; per hundred: one invalid phone, one without, one the same number as a lead three before it. */
  private static final int LEADS = 1_200;
  private static final int EXPECTED = LEADS - 12 * 3 - 1;

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.withDemoHostTablesEmptying("wa_campaign_recipient",
      "wa_campaign");

  private final SharedDatabaseLeadDirectory shared =
      SharedDatabaseLeadDirectory.over(database.schema().dataSource(), LeadTables.demoMapping());
  /** The same leads through a directory that is not the shared database (as a host REST adapter would be). */
  private final LeadDirectory elsewhere = new LeadDirectory() {
    @Override
    public Optional<Lead> find(TenantId tenant, LeadId id) {
      return shared.find(tenant, id);
    }

    @Override
    public Stream<Lead> select(TenantId tenant, LeadCriteria criteria, Range range) {
      return shared.select(tenant, criteria, range);
    }

    @Override
    public long count(TenantId tenant, LeadCriteria criteria) {
      return shared.count(tenant, criteria);
    }
  };
  private final PhoneNormaliser phones = PhoneNormaliser.forRegion("ID");
  private final AudienceExclusion optedOut = (tenant, phone) ->
      phone.e164().equals(OPTED_OUT) ? Optional.of("opted_out") : Optional.empty();

  @BeforeAll
  static void leads() {
    StringBuilder insert = new StringBuilder("INSERT INTO lead (id, tenant_id, name, phone) VALUES ");
    for (int i = 0; i < LEADS; i++) {
      String digits = String.format("%08d", 60_000_000 + i);
      String phone = switch (i % 100) {
        case 7 -> "'12345'";
        case 8 -> "NULL";
        case 9 -> "'+62 813-" + String.format("%08d", 60_000_000 + i - 3) + "'";
        case 10 -> "'62813" + digits + "'";
        default -> "'0813" + digits + "'";
      };
      insert.append(i == 0 ? "" : ", ").append("(").append(100_000 + i).append(", 'snap', 'Lead ").append(i)
          .append("', ").append(phone).append(")");
    }
    database.schema().execute(insert.toString());
  }

  @AfterAll
  static void dropLeads() {
    database.schema().execute("DELETE FROM lead WHERE tenant_id = 'snap'");
  }

  @Test
  void inTheSharedDatabaseTheSnapshotIsCopiedInsideItAndVettedInBatches() {
    String campaign = runningCampaign();
    AtomicInteger transactions = new AtomicInteger();

    snapshot(shared, counting(transactions)).complete(campaign);

    Map<String, String> recipients = recipientsByPhone(campaign);
    assertThat(recipients.size()).isEqualTo(EXPECTED);
    assertThat(recipients).doesNotContainKey(OPTED_OUT).containsKeys("+6281360000000", "+6281360000010");
    assertThat(transactions.get()).as("copy, three vetting batches, an empty one, start and end").isGreaterThan(4);
    assertThat(snapshotPending(campaign)).isFalse();
  }

  @Test
  void throughAnyOtherDirectoryTheSnapshotIsStreamedInBatchesToTheSameRecipients() {
    String copied = runningCampaign();
    String streamed = runningCampaign();
    AtomicInteger transactions = new AtomicInteger();

    snapshot(shared, counting(new AtomicInteger())).complete(copied);
    snapshot(elsewhere, counting(transactions)).complete(streamed);

    assertThat(recipientsByPhone(streamed).size()).isEqualTo(EXPECTED);
    assertThat(recipientsByPhone(streamed).keySet().equals(recipientsByPhone(copied).keySet())).isTrue();
    assertThat(transactions.get()).as("three batches, start and end").isEqualTo(5);
  }

  @Test
  void bothWaysAssignTheSameVariantToEachRecipient() {
    String copied = runningCampaign();
    String streamed = runningCampaign();

    snapshot(shared, counting(new AtomicInteger())).complete(copied);
    snapshot(elsewhere, counting(new AtomicInteger())).complete(streamed);

    Map<String, String> byCopy = recipientsByPhone(copied);
    assertThat(new java.util.HashSet<>(byCopy.values())).containsOnly("A", "B");
    assertThat(byCopy.values().stream().filter("A"::equals).count()).isBetween(450L, 720L);
    // a variant hashes campaign and phone: re-assign the streamed campaign's phones as the copied one would
    recipientsByPhone(streamed).keySet().forEach(phone -> assertThat(byCopy.get(phone)).isEqualTo(
        Variants.assign(CampaignJson.variants(variants()), copied, dev.crm.whatsapp.api.PhoneNumber.of(phone)).key()));
  }

  @Test
  void bothWaysTheStatisticsCountEachRecipientOnceUnderItsVariant() {
    String copied = runningCampaign();
    String streamed = runningCampaign();

    snapshot(shared, counting(new AtomicInteger())).complete(copied);
    snapshot(elsewhere, counting(new AtomicInteger())).complete(streamed);

    for (String campaign : java.util.List.of(copied, streamed)) {
      StatsView stats = database.persistence().inTransaction(em -> CampaignStatistics.over(em)
          .stats(SNAP, campaign, TimeBucket.HOUR, null).orElseThrow());
      Map<String, Long> rowsByVariant = new TreeMap<>();
      recipientsByPhone(campaign).values().forEach(v -> rowsByVariant.merge(v, 1L, Long::sum));
      assertThat(stats.total()).isEqualTo(EXPECTED);
      assertThat(stats.counts().get("pending")).isEqualTo(EXPECTED);
      Map<String, Long> countedByVariant = new TreeMap<>();
      stats.variants().forEach(v -> countedByVariant.put(v.key(), v.counts().get("pending")));
      assertThat(countedByVariant).isEqualTo(rowsByVariant);
      assertThat(stats.variants()).extracting(StatsView.VariantView::templateId)
          .containsExactly("template-a", "template-b");
    }
  }

  @Test
  void aStreamedSnapshotCutShortByACrashIsResumedToTheSameRecipients() {
    String campaign = runningCampaign();
    AtomicInteger transactions = new AtomicInteger();

    assertThatThrownBy(() -> snapshot(elsewhere, crashingAfter(2, transactions)).complete(campaign))
        .hasMessage("crash");
    // the first batch of 500 committed (less the duplicates merged inside it); the rest was never written
    assertThat(recipientsByPhone(campaign).size()).isBetween(490, 500);
    assertThat(snapshotPending(campaign)).isTrue();

    snapshot(elsewhere, counting(new AtomicInteger())).complete(campaign);

    assertThat(recipientsByPhone(campaign).size()).isEqualTo(EXPECTED);
    assertThat(snapshotPending(campaign)).isFalse();
  }

  @Test
  void aCopiedSnapshotCutShortWhileVettingResumesFromItsCursor() {
    String campaign = runningCampaign();

    assertThatThrownBy(() -> snapshot(shared, crashingAfter(3, new AtomicInteger())).complete(campaign))
        .hasMessage("crash");
    assertThat(snapshotPending(campaign)).isTrue();

    snapshot(shared, counting(new AtomicInteger())).complete(campaign);

    Map<String, String> recipients = recipientsByPhone(campaign);
    assertThat(recipients.size()).isEqualTo(EXPECTED);
    assertThat(recipients.containsKey(OPTED_OUT)).isFalse();
    assertThat(recipients.values().stream().allMatch(v -> v != null)).isTrue();
  }

  private RunSnapshot snapshot(LeadDirectory directory, SnapshotTransactions.Unit unit) {
    return RunSnapshot.over(unit, Audiences.over(directory, phones, List.of(optedOut)), directory, phones,
        Clock.fixed(T0.toInstant(), ZoneOffset.UTC));
  }

  private SnapshotTransactions.Unit counting(AtomicInteger count) {
    return new SnapshotTransactions.Unit() {
      @Override
      public <T> T run(Function<CampaignRepository, T> work) {
        count.incrementAndGet();
        return database.persistence().inTransaction(em -> work.apply(CampaignRepository.over(em)));
      }
    };
  }

  /** Commits {@code units} transactions, then fails as a killed server would, before the next one. */
  private SnapshotTransactions.Unit crashingAfter(int units, AtomicInteger count) {
    SnapshotTransactions.Unit real = counting(count);
    return new SnapshotTransactions.Unit() {
      @Override
      public <T> T run(Function<CampaignRepository, T> work) {
        if (count.get() == units) {
          throw new IllegalStateException("crash");
        }
        return real.run(work);
      }
    };
  }

  private static String variants() {
    return "[{\"key\":\"A\",\"templateId\":\"template-a\",\"percent\":50},"
        + "{\"key\":\"B\",\"templateId\":\"template-b\",\"percent\":50}]";
  }

  private String runningCampaign() {
    return database.persistence().inTransaction(em -> {
      Campaign campaign = Campaign.draft(SNAP, new CampaignSettings("Snapshot", null, null, null, variants(), null,
          MissingVariables.SKIP, "{\"source\":\"leads\"}", Schedule.now(ZoneId.of("UTC")), 100, null, false, null),
          "rep", T0);
      campaign.beginRun(T0, RunTrigger.LAUNCH);
      campaign.moveTo(CampaignStatus.RUNNING, "start", null, T0);
      campaign.snapshotStarted();
      em.persist(campaign);
      return campaign.id();
    });
  }

  private Map<String, String> recipientsByPhone(String campaignId) {
    return database.persistence().inTransaction(em -> {
      Map<String, String> found = new TreeMap<>();
      CampaignRepository.over(em).recipients(campaignId, 1, null, 0, 10_000)
          .forEach(r -> found.put(r.phone().e164(), r.variant().orElse(null)));
      return found;
    });
  }

  private boolean snapshotPending(String campaignId) {
    return database.persistence().inTransaction(em -> em.find(Campaign.class, campaignId).snapshotPending());
  }
}
