package dev.crm.whatsapp.analytics.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which alert conditions hold now, read from the counters and a few small tables (never from messages):
 * the error rate per tenant, the dispatch queue's depth (campaign recipients queued), sender numbers
 * below the health threshold, and paused templates.
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
    if (settings.templatePaused) {
      pausedTemplates(alerts);
    }
    return alerts;
  }

  private void errorRates(OffsetDateTime now, List<Alert> alerts) {
    OffsetDateTime since = now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).minusHours(1);
    for (Object[] r : rows("SELECT tenant_id, SUM(sent), SUM(failed) FROM (SELECT tenant_id, sent, failed FROM"
        + " wa_stat_hour WHERE hour_at >= ? UNION ALL SELECT tenant_id, sent, failed FROM wa_stat_delta"
        + " WHERE hour_at >= ?) h GROUP BY tenant_id", since, since)) {
      long sent = ((Number) r[1]).longValue();
      long failed = ((Number) r[2]).longValue();
      if (sent + failed >= settings.errorRateMinMessages && failed > settings.errorRate * (sent + failed)) {
        alerts.add(new Alert("error-rate:" + r[0], "error-rate", (String) r[0], String.format(Locale.ROOT,
            "error rate %.0f %% in the last hour (%d of %d failed; threshold %.0f %%)",
            100.0 * failed / (sent + failed), failed, sent + failed, settings.errorRate * 100)));
      }
    }
  }

  private void queueDepth(List<Alert> alerts) {
    List<Object[]> rows = rows("SELECT SUM(n), COUNT(*) FROM (SELECT n FROM wa_stat_count WHERE status = 'QUEUED'"
        + " UNION ALL SELECT n FROM wa_stat_delta WHERE to_status = 'QUEUED' UNION ALL SELECT -n FROM wa_stat_delta"
        + " WHERE from_status = 'QUEUED') q");
    long depth = rows.isEmpty() || rows.get(0)[0] == null ? 0 : ((Number) rows.get(0)[0]).longValue();
    if (depth > settings.queueDepth) {
      alerts.add(new Alert("queue-depth", "queue-depth", null,
          "dispatch queue holds " + depth + " messages (threshold " + settings.queueDepth + ")"));
    }
  }

  private void senderHealth(List<Alert> alerts) {
    for (Object[] r : rows("SELECT tenant_id, id, name, health_score FROM wa_sender_account"
        + " WHERE health_score < ? AND status <> 'DISABLED'", settings.senderHealth)) {
      alerts.add(new Alert("sender-health:" + r[0] + ":" + r[1], "sender-health", (String) r[0],
          "sender number '" + r[2] + "' health " + r[3] + " (threshold " + settings.senderHealth + ")"));
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
