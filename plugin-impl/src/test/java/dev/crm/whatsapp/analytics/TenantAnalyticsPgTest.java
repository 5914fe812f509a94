package dev.crm.whatsapp.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.testing.PluginDatabase;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tenant's analytics over a date range, from hand-made hourly counters of two tenants. */
class TenantAnalyticsPgTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final OffsetDateTime MAR1 = OffsetDateTime.parse("2026-03-01T10:00:00Z");
  private static final OffsetDateTime MAR2 = OffsetDateTime.parse("2026-03-02T23:00:00Z");
  private static final OffsetDateTime MAR5 = OffsetDateTime.parse("2026-03-05T10:00:00Z");

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying("wa_stat_delta", "wa_stat_hour", "wa_conversion",
      "wa_sender_health_day", "wa_sender_account", "wa_campaign", "wa_template");

  @BeforeEach
  void handMadeFigures() {
    database.persistence().run(em -> {
      StatTables t = new StatTables(em);
      t.campaign("c1", "acme", "Spring", "COMPLETED", 1, "UTC", MAR1);
      t.campaign("c2", "acme", "Summer", "RUNNING", 1, "UTC", MAR1);
      t.campaign("g1", "globex", "Theirs", "RUNNING", 1, "UTC", MAR1);
      t.hour("acme", "c1", 1, "", "phone-1", MAR1, 100, 80, 40, 10, 8, 0, 0, 0, 0);
      t.hour("acme", "c2", 1, "", "phone-1", MAR2, 50, 50, 45, 0, 5, 0, 0, 0, 0);
      t.hour("acme", "", 0, "", "phone-1", MAR2, 10, 10, 5, 0, 0, 0, 0, 0, 0); // single sends
      t.hour("acme", "c1", 1, "", "phone-1", MAR5, 1000, 0, 0, 0, 0, 0, 0, 0, 0); // after the range
      t.hour("globex", "g1", 1, "", "phone-9", MAR1, 999, 999, 999, 0, 0, 0, 0, 0, 0);
      t.conversion("acme", "c1", "cust-1");
      t.conversion("acme", "c1", "cust-2");
      t.sender("acme", "phone-1", "Main number");
      SenderHealthDays.record(em, "acme", "phone-1-account", LocalDate.parse("2026-03-01"), 90);
      SenderHealthDays.record(em, "acme", "phone-1-account", LocalDate.parse("2026-03-01"), 40);
      SenderHealthDays.record(em, "acme", "phone-1-account", LocalDate.parse("2026-03-01"), 70);
      em.createNativeQuery("UPDATE wa_campaign SET template_id = 'tpl-2' WHERE id = 'c2'").executeUpdate();
      em.createNativeQuery("INSERT INTO wa_template (id, tenant_id, name, language, category, parameter_format,"
          + " definition, status, created_at, updated_at) VALUES ('template-1', 'acme', 'spring_offer', 'en',"
          + " 'MARKETING', 'POSITIONAL', '{}', 'APPROVED', now(), now()), ('tpl-2', 'acme', 'summer_offer', 'en',"
          + " 'MARKETING', 'POSITIONAL', '{}', 'APPROVED', now(), now())").executeUpdate();
    });
  }

  @Test
  void totalsAndDailySeriesCoverTheRangeAndEveryOutboundMessage() {
    AnalyticsView view = analytics();

    assertThat(view.totals().sent()).isEqualTo(160);
    assertThat(view.totals().rates().delivery()).isCloseTo(140.0 / 160, within(1e-9));
    assertThat(view.totals().rates().read()).isCloseTo(90.0 / 140, within(1e-9));
    assertThat(view.totals().rates().failure()).isCloseTo(10.0 / 170, within(1e-9));
    assertThat(view.daily()).extracting(d -> d.date().toString(), AnalyticsView.Day::sent)
        .containsExactly(tuple("2026-03-01", 100L), tuple("2026-03-02", 60L));
  }

  @Test
  void campaignsTemplatesConversionsAndSenderHealthSideBySide() {
    AnalyticsView view = analytics();

    assertThat(view.campaigns()).extracting(AnalyticsView.CampaignLine::name, AnalyticsView.CampaignLine::sent,
        AnalyticsView.CampaignLine::conversions).containsExactly(tuple("Spring", 100L, 2L), tuple("Summer", 50L, 0L));
    assertThat(view.topTemplates().byUse()).extracting(AnalyticsView.TemplateUse::name)
        .containsExactly("spring_offer", "summer_offer");
    assertThat(view.topTemplates().byReadRate()).extracting(AnalyticsView.TemplateReadRate::name)
        .containsExactly("summer_offer", "spring_offer");
    assertThat(view.conversions()).extracting(AnalyticsView.CampaignConversions::name,
        AnalyticsView.CampaignConversions::count).containsExactly(tuple("Spring", 2L));
    assertThat(view.senders()).singleElement().satisfies(s -> {
      assertThat(s.senderId()).isEqualTo("phone-1");
      assertThat(s.points()).extracting(AnalyticsView.HealthPoint::health).containsExactly(40); // the day's lowest
    });
  }

  private AnalyticsView analytics() {
    return database.persistence().inTransaction(em -> TenantAnalytics.over(em)
        .between(ACME, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-03")));
  }
}
