package dev.crm.whatsapp.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.testing.PluginDatabase;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The figures of {@code GET /campaigns/{id}/stats} computed from hand-made counters whose answers are known:
 * two variants, two senders, failures with and without a code, a delta not folded yet, and a draft list
 * (run 0) that the launched campaign's figures leave out.
 */
class CampaignStatisticsPgTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final OffsetDateTime H2 = OffsetDateTime.parse("2026-03-01T02:00:00Z");
  private static final OffsetDateTime H3 = OffsetDateTime.parse("2026-03-01T03:00:00Z");

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying("wa_stat_delta", "wa_stat_count", "wa_stat_hour",
      "wa_conversion", "wa_sender_account", "wa_campaign_recipient", "wa_campaign");

  @BeforeEach
  void handMadeCampaign() {
    tables(t -> {
      t.campaign("c1", "acme", "Spring", "RUNNING", 1, "Asia/Jakarta", H2);
      t.count("c1", 0, "", "PENDING", 0, 100);
      t.count("c1", 1, "A", "DELIVERED", 0, 40);
      t.count("c1", 1, "A", "READ", 0, 20);
      t.count("c1", 1, "A", "SENT", 0, 10);
      t.count("c1", 1, "A", "FAILED", 131026, 5);
      t.count("c1", 1, "A", "FAILED", 0, 5);
      t.count("c1", 1, "A", "PENDING", 0, 20);
      t.count("c1", 1, "B", "READ", 0, 30);
      t.count("c1", 1, "B", "SENT", 0, 10);
      t.count("c1", 1, "B", "FAILED", 131026, 10);
      t.count("c1", 1, "B", "OPTED_OUT", 0, 5);
      t.count("c1", 1, "B", "SKIPPED", 0, 5);
      t.count("c1", 1, "B", "QUEUED", 0, 40);
      t.hour("acme", "c1", 1, "A", "phone-1", H2, 70, 60, 20, 5, 6, 600, 60, 2000, 20);
      t.hour("acme", "c1", 1, "B", "phone-2", H3, 50, 30, 30, 10, 3, 0, 0, 3000, 30);
      t.delta("acme", "c1", 1, "B", "QUEUED", "SENT", "phone-2", H3, 1);
      t.sender("acme", "phone-1", "Main number");
      t.conversion("acme", "c1", "cust-1");
      t.conversion("acme", "c1", "cust-2");
      t.conversion("acme", "c1", "cust-3");
      t.failedRecipient("r1", "acme", "c1", 1, "+6281363053471", 131026);
      t.failedRecipient("r0", "acme", "c1", 0, "+6281363053472", 131026);
    });
  }

  @Test
  void countsAddTheFoldedSummaryAndTheDeltasOfTheLaunchedRunsOnly() {
    StatsView stats = stats(TimeBucket.HOUR);

    assertThat(stats.total()).isEqualTo(200);
    assertThat(stats.counts()).containsExactly(
        entry("pending", 20), entry("queued", 39), entry("sending", 0), entry("sent", 21), entry("delivered", 40),
        entry("read", 50), entry("failed", 20), entry("opted_out", 5), entry("skipped", 5), entry("unknown", 0),
        entry("responded", 9));
  }

  @Test
  void ratesFollowTheirWrittenDefinitions() {
    Rates rates = stats(TimeBucket.HOUR).rates();

    assertThat(rates.delivery()).isCloseTo(90.0 / 121, within(1e-9)); // delivered (read included) ÷ sent
    assertThat(rates.read()).isCloseTo(50.0 / 90, within(1e-9)); // read ÷ delivered
    assertThat(rates.response()).isCloseTo(9.0 / 90, within(1e-9)); // replied ÷ delivered
    assertThat(rates.failure()).isCloseTo(20.0 / 131, within(1e-9)); // failed ÷ (sent+delivered+read+failed+unknown)
    assertThat(rates.conversion()).isCloseTo(3.0 / 90, within(1e-9)); // conversions ÷ delivered
  }

  @Test
  void errorsAreGroupedByCodeWithTheirMeaningAndAMaskedSampleFromTheRunsShown() {
    StatsView stats = stats(TimeBucket.HOUR);

    assertThat(stats.errors()).extracting(StatsView.ErrorView::code, StatsView.ErrorView::count)
        .containsExactly(tuple(131026, 15L), tuple(null, 5L));
    assertThat(stats.errors().get(0).meaning()).contains("undeliverable");
    assertThat(stats.errors().get(0).sample()).singleElement().satisfies(s -> {
      assertThat(s.recipientId()).isEqualTo("r1");
      assertThat(s.phone()).doesNotContain("81363053").endsWith("71");
    });
  }

  @Test
  void timelineHourlyDistributionSendersVariantsAndAverages() {
    StatsView hourly = stats(TimeBucket.HOUR);
    StatsView daily = stats(TimeBucket.DAY);

    assertThat(hourly.timeline().points()).extracting(StatsView.Point::at, StatsView.Point::sent)
        .containsExactly(tuple(H2, 70L), tuple(H3, 51L));
    assertThat(daily.timeline().bucket()).isEqualTo("day");
    assertThat(daily.timeline().points()).extracting(p -> p.at().toString(), StatsView.Point::sent,
        StatsView.Point::read).containsExactly(tuple("2026-03-01T00:00+07:00", 121L, 50L));
    assertThat(hourly.hourlyDistribution()).hasSize(24);
    assertThat(hourly.hourlyDistribution().get(9)).isEqualTo(70); // 02:00 UTC is 09:00 in Jakarta
    assertThat(hourly.hourlyDistribution().get(10)).isEqualTo(51);
    assertThat(hourly.senders()).extracting(StatsView.SenderView::senderId, StatsView.SenderView::name,
        StatsView.SenderView::provider, StatsView.SenderView::sent)
        .containsExactly(tuple("phone-1", "Main number", "sandbox", 70L), tuple("phone-2", null, null, 51L));
    assertThat(hourly.variants()).extracting(StatsView.VariantView::key).containsExactly("A", "B");
    assertThat(hourly.variants().get(0).counts()).containsEntry("delivered", 40L).containsEntry("responded", 6L);
    assertThat(hourly.variants().get(1).rates().delivery()).isCloseTo(30.0 / 51, within(1e-9));
    assertThat(hourly.averageSecondsToDelivered()).isEqualTo(10.0);
    assertThat(hourly.averageSecondsToRead()).isEqualTo(100.0);
  }

  @Test
  void oneRunCanBeAskedFor() {
    StatsView draftList = database.persistence().inTransaction(em -> CampaignStatistics.over(em)
        .stats(ACME, "c1", TimeBucket.HOUR, 0).orElseThrow());

    assertThat(draftList.total()).isEqualTo(100);
    assertThat(draftList.counts()).containsEntry("pending", 100L);
    assertThat(draftList.rates().delivery()).isNull();
  }

  @Test
  void anotherTenantsCampaignIsNotFound() {
    java.util.Optional<StatsView> seen = database.persistence().inTransaction(em -> CampaignStatistics.over(em)
        .stats(TenantId.of("globex"), "c1", TimeBucket.HOUR, null));
    assertThat(seen).isEmpty();
  }

  private static java.util.Map.Entry<String, Long> entry(String key, long value) {
    return java.util.Map.entry(key, value);
  }

  private StatsView stats(TimeBucket bucket) {
    return database.persistence().inTransaction(em -> CampaignStatistics.over(em)
        .stats(ACME, "c1", bucket, null).orElseThrow());
  }

  private void tables(Consumer<StatTables> work) {
    database.persistence().run(em -> work.accept(new StatTables(em)));
  }
}
