package dev.crm.whatsapp.analytics.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which alert conditions hold now, read from the counters and a few small tables (from messages only by
 * the status index): the error rate per tenant, the dispatch queue's depth (campaign recipients and
 * one-to-one messages queued), sender numbers below the health threshold, and paused templates.
 */
@ApplicationScoped
public class AlertConditions {

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  @Inject AlertSettings settings;

  public static AlertConditions over(EntityManager em, AlertSettings settings) {
    AlertConditions conditions = new AlertConditions();
    conditions.em = em;
    conditions.settings = settings;
    return conditions;
  }

  public List<Alert> holdingAt(OffsetDateTime now) {
    List<Alert> alerts = new ArrayList<>();
    errorRates(now, alerts);
    queueDepth(alerts);
    senderHealth(alerts);
    if (settings.templatePaused()) {
      pausedTemplates(alerts);
    }
    return alerts;
  }

  /**
   * The counters are kept per clock hour, so "the last hour" is estimated as a sliding window: the current
   * hour so far plus the previous hour's outcomes weighted by the share of it still inside the last sixty
   * minutes (at 10:20, two thirds of 09:00–10:00) — as if they were spread evenly over that hour.
   */
  private void errorRates(OffsetDateTime now, List<Alert> alerts) {
    OffsetDateTime current = now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
    OffsetDateTime previous = current.minusHours(1);
    double previousWeight = 1 - Duration.between(current, now).toSeconds() / 3600.0;
    for (Object[] r : rows("SELECT tenant_id, SUM(CASE WHEN hour_at >= ? THEN sent ELSE 0 END),"
        + " SUM(CASE WHEN hour_at >= ? THEN failed ELSE 0 END), SUM(CASE WHEN hour_at < ? THEN sent ELSE 0 END),"
        + " SUM(CASE WHEN hour_at < ? THEN failed ELSE 0 END) FROM (SELECT tenant_id, hour_at, sent, failed FROM"
        + " wa_stat_hour WHERE hour_at >= ? UNION ALL SELECT tenant_id, hour_at, sent, failed FROM wa_stat_delta"
        + " WHERE hour_at >= ?) h GROUP BY tenant_id", current, current, current, current, previous, previous)) {
      double sent = number(r[1]) + previousWeight * number(r[3]);
      double failed = number(r[2]) + previousWeight * number(r[4]);
      double outcomes = sent + failed;
      if (outcomes >= settings.errorRateMinMessages() && failed > settings.errorRate() * outcomes) {
        alerts.add(new Alert("error-rate:" + r[0], "error-rate", (String) r[0], String.format(Locale.ROOT,
            "error rate %.0f %% in the last hour (about %d of %d messages failed; threshold %.0f %%)",
            100.0 * failed / outcomes, Math.round(failed), Math.round(outcomes), settings.errorRate() * 100)));
      }
    }
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  /** Campaign recipients queued (from the counters) and one-to-one messages queued (by the status index). */
  private void queueDepth(List<Alert> alerts) {
    List<Object[]> rows = rows("SELECT SUM(n), COUNT(*) FROM (SELECT n FROM wa_stat_count WHERE status = 'QUEUED'"
        + " UNION ALL SELECT n FROM wa_stat_delta WHERE to_status = 'QUEUED' UNION ALL SELECT -n FROM wa_stat_delta"
        + " WHERE from_status = 'QUEUED') q");
    long campaigns = rows.isEmpty() || rows.get(0)[0] == null ? 0 : ((Number) rows.get(0)[0]).longValue();
    long single = number(em.createNativeQuery("SELECT COUNT(*) FROM wa_message WHERE status = 'QUEUED'"
        + " AND campaign_id IS NULL").getSingleResult());
    long depth = campaigns + single;
    if (depth > settings.queueDepth()) {
      alerts.add(new Alert("queue-depth", "queue-depth", null, "dispatch queue holds " + depth + " messages ("
          + campaigns + " of campaigns, " + single + " one-to-one; threshold " + settings.queueDepth() + ")"));
    }
  }

  private void senderHealth(List<Alert> alerts) {
    for (Object[] r : rows("SELECT tenant_id, id, name, health_score FROM wa_sender_account"
        + " WHERE health_score < ? AND status <> 'DISABLED'", settings.senderHealth())) {
      alerts.add(new Alert("sender-health:" + r[0] + ":" + r[1], "sender-health", (String) r[0],
          "sender number '" + r[2] + "' health " + r[3] + " (threshold " + settings.senderHealth() + ")"));
    }
  }

  private void pausedTemplates(List<Alert> alerts) {
    for (Object[] r : rows("SELECT tenant_id, id, name FROM wa_template WHERE status = 'PAUSED'")) {
      alerts.add(new Alert("template-paused:" + r[0] + ":" + r[1], "template-paused", (String) r[0],
          "template '" + r[2] + "' is paused by the provider"));
    }
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, Object... parameters) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return query.getResultList();
  }
}
