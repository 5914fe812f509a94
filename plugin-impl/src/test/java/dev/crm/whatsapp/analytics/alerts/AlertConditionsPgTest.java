package dev.crm.whatsapp.analytics.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.testing.PluginDatabase;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each configured threshold raises its alert when crossed, and only then. */
class AlertConditionsPgTest {
  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-01T10:20:00Z");

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying("wa_stat_delta", "wa_stat_hour", "wa_stat_count",
      "wa_sender_account", "wa_template", "wa_message");

  @Test
  void anErrorRateAboveTheThresholdInTheLastHourRaisesAnAlertForThatTenant() {
    hour("acme", "2026-03-01T09:00:00Z", 80, 15); // 15 of 95: 15.8 %
    hour("acme", "2026-03-01T07:00:00Z", 0, 500); // too old to count
    hour("globex", "2026-03-01T10:00:00Z", 95, 5); // 5 %
    hour("initech", "2026-03-01T10:00:00Z", 1, 2); // too few to judge

    assertThat(alerts()).extracting(Alert::key).containsExactly("error-rate:acme");
    assertThat(alerts().get(0).reason()).contains("16 %").contains("threshold 10 %");
  }

  @Test
  void theLastHourSlidesTheErrorsOfThePreviousClockHourOutAsTheCurrentOneGoesOn() {
    hour("hooli", "2026-03-01T09:00:00Z", 0, 40); // a burst of failures in the previous hour
    hour("hooli", "2026-03-01T10:00:00Z", 200, 10);

    // at 10:05, 55 of its 60 minutes are still in the last hour: about 47 of 247 failed, 19 %
    assertThat(alertsAt("2026-03-01T10:05:00Z")).extracting(Alert::key).containsExactly("error-rate:hooli");
    // at 10:55, only 5 are: about 13 of 213, 6 %
    assertThat(alertsAt("2026-03-01T10:55:00Z")).isEmpty();
  }

  @Test
  void queueDepthCountsQueuedRecipientsFromTheCountersAndTheUnfoldedDeltasAndQueuedOneToOneMessages() {
    sql("INSERT INTO wa_stat_count (campaign_id, run_no, variant, status, error_code, n) VALUES ('c1', 1, '',"
        + " 'QUEUED', 0, 9999)");
    sql("INSERT INTO wa_message (id, tenant_id, lead_id, direction, phone, status, created_at, campaign_id) VALUES"
        + " ('m1', 'acme', '7', 'OUTBOUND', '+6281363050001', 'QUEUED', now(), NULL),"
        + " ('m2', 'acme', '7', 'OUTBOUND', '+6281363050001', 'READ', now(), NULL),"
        + " ('m3', 'acme', '8', 'OUTBOUND', '+6281363050002', 'QUEUED', now(), 'c1')"); // counted by the counters
    assertThat(alerts()).isEmpty();

    sql("INSERT INTO wa_stat_delta (tenant_id, campaign_id, run_no, from_status, to_status, n) VALUES ('acme', 'c1',"
        + " 1, 'PENDING', 'QUEUED', 1)");

    assertThat(alerts()).extracting(Alert::key).containsExactly("queue-depth");
    assertThat(alerts().get(0).reason()).contains("10001 messages (10000 of campaigns, 1 one-to-one");
  }

  @Test
  void anUnhealthySenderAndAPausedTemplateEachRaiseTheirOwn() {
    sql("INSERT INTO wa_sender_account (id, tenant_id, name, phone_number, provider, sender_id, status, health_score,"
        + " created_at, updated_at) VALUES ('s1', 'acme', 'Main', '+6281363050001', 'sandbox', 'p1', 'ACTIVE', 49,"
        + " now(), now()), ('s2', 'acme', 'Spare', '+6281363050002', 'sandbox', 'p2', 'ACTIVE', 50, now(), now()),"
        + " ('s3', 'acme', 'Off', '+6281363050003', 'sandbox', 'p3', 'DISABLED', 10, now(), now())");
    sql("INSERT INTO wa_template (id, tenant_id, name, language, category, parameter_format, definition, status,"
        + " created_at, updated_at) VALUES ('t1', 'acme', 'spring_offer', 'en', 'MARKETING', 'POSITIONAL', '{}',"
        + " 'PAUSED', now(), now()), ('t2', 'acme', 'summer', 'en', 'MARKETING', 'POSITIONAL', '{}', 'APPROVED',"
        + " now(), now())");

    assertThat(alerts()).extracting(Alert::key)
        .containsExactly("sender-health:acme:s1", "template-paused:acme:t1");
  }

  private List<Alert> alerts() {
    return alertsAt(NOW.toString());
  }

  private List<Alert> alertsAt(String now) {
    return database.persistence().inTransaction(em -> AlertConditions.over(em,
        AlertSettings.of(0.10, 20, 10_000, 50, true)).holdingAt(OffsetDateTime.parse(now)));
  }

  private void hour(String tenant, String hour, long sent, long failed) {
    sql("INSERT INTO wa_stat_hour (tenant_id, campaign_id, run_no, variant, sender_id, hour_at, sent, failed)"
        + " VALUES ('" + tenant + "', 'c-" + tenant + hour + "', 1, '', 's', TIMESTAMPTZ '" + hour + "', " + sent
        + ", " + failed + ")");
  }

  private void sql(String sql) {
    database.schema().execute(sql);
  }
}
