package dev.crm.whatsapp.analytics;

import dev.crm.whatsapp.analytics.AnalyticsView.CampaignConversions;
import dev.crm.whatsapp.analytics.AnalyticsView.CampaignLine;
import dev.crm.whatsapp.analytics.AnalyticsView.Day;
import dev.crm.whatsapp.analytics.AnalyticsView.HealthPoint;
import dev.crm.whatsapp.analytics.AnalyticsView.SenderHealthLine;
import dev.crm.whatsapp.analytics.AnalyticsView.TemplateReadRate;
import dev.crm.whatsapp.analytics.AnalyticsView.TemplateUse;
import dev.crm.whatsapp.analytics.AnalyticsView.TopTemplates;
import dev.crm.whatsapp.analytics.AnalyticsView.Totals;
import dev.crm.whatsapp.api.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tenant's figures over a date range (UTC days, both ends included), from the hourly counters: every
 * outbound message counts, a campaign's or a single send's; campaigns and templates are compared on
 * their campaign messages.
 */
@ApplicationScoped
public class TenantAnalytics {
  static final int TOP = 10;

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  public static TenantAnalytics over(EntityManager em) {
    TenantAnalytics analytics = new TenantAnalytics();
    analytics.em = em;
    return analytics;
  }

  public AnalyticsView between(TenantId tenant, LocalDate from, LocalDate to) {
    OffsetDateTime start = from.atStartOfDay().atOffset(ZoneOffset.UTC);
    OffsetDateTime end = to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    Map<String, Long> conversions = conversions(tenant, start, end);
    long allConversions = conversions.values().stream().mapToLong(Long::longValue).sum();
    Map<LocalDate, EventSums> days = new TreeMap<>();
    rows(tenant, start, end, "hour_at", "hour_at").forEach(r ->
        days.merge(StatDeltas.instant(r[0]).atOffset(ZoneOffset.UTC).toLocalDate(), EventSums.of(r, 1), EventSums::plus));
    EventSums total = days.values().stream().reduce(EventSums.ZERO, EventSums::plus);
    List<Day> daily = new ArrayList<>();
    days.forEach((day, e) -> daily.add(new Day(day, e.sent(), e.delivered(), e.read(), e.failed())));
    List<CampaignLine> campaigns = campaigns(tenant, start, end, conversions);
    Map<String, String> names = new LinkedHashMap<>();
    campaigns.forEach(c -> names.put(c.id(), c.name()));
    return new AnalyticsView(from, to, new Totals(total.sent(), total.delivered(), total.read(), total.failed(),
        Rates.ofEvents(total, allConversions)), daily, campaigns, templates(tenant, start, end),
        conversions.entrySet().stream().map(e -> new CampaignConversions(e.getKey(),
            names.getOrDefault(e.getKey(), CampaignRow.find(em, tenant, e.getKey()).map(CampaignRow::name).orElse(null)),
            e.getValue())).sorted(Comparator.comparingLong(CampaignConversions::count).reversed()).toList(),
        senders(tenant, from, to));
  }

  /** Summed events of the tenant's hours in range, grouped by {@code key} (an expression over the hours). */
  private List<Object[]> rows(TenantId tenant, OffsetDateTime start, OffsetDateTime end, String key, String join) {
    return rows(tenant, start, end, key, "", join);
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(TenantId tenant, OffsetDateTime start, OffsetDateTime end, String select, String from,
      String groupBy) {
    return em.createNativeQuery("SELECT " + select + ", " + StatQueries.HOUR_SUMS + " FROM (SELECT "
            + StatQueries.HOUR_COLUMNS + " FROM wa_stat_hour WHERE tenant_id = ? AND hour_at >= ? AND hour_at < ?"
            + " UNION ALL SELECT " + StatQueries.HOUR_COLUMNS + " FROM wa_stat_delta WHERE tenant_id = ?"
            + " AND hour_at >= ? AND hour_at < ?) h" + from + " GROUP BY " + groupBy)
        .setParameter(1, tenant.value()).setParameter(2, start).setParameter(3, end)
        .setParameter(4, tenant.value()).setParameter(5, start).setParameter(6, end)
        .getResultList();
  }

  private List<CampaignLine> campaigns(TenantId tenant, OffsetDateTime start, OffsetDateTime end,
      Map<String, Long> conversions) {
    List<CampaignLine> lines = new ArrayList<>();
    for (Object[] r : rows(tenant, start, end, "c.id, c.name, c.status",
        " JOIN wa_campaign c ON c.id = h.campaign_id AND c.tenant_id = h.tenant_id AND c.ad_hoc = FALSE",
        "c.id, c.name, c.status")) {
      EventSums e = EventSums.of(r, 3);
      long converted = conversions.getOrDefault((String) r[0], 0L);
      lines.add(new CampaignLine((String) r[0], (String) r[1], (String) r[2], e.sent(), e.delivered(), e.read(),
          e.failed(), converted, Rates.ofEvents(e, converted)));
    }
    lines.sort(Comparator.comparingLong(CampaignLine::sent).reversed());
    return lines;
  }

  private TopTemplates templates(TenantId tenant, OffsetDateTime start, OffsetDateTime end) {
    List<TemplateUse> byUse = new ArrayList<>();
    List<TemplateReadRate> byRead = new ArrayList<>();
    for (Object[] r : rows(tenant, start, end, "t.id, t.name",
        " JOIN wa_campaign c ON c.id = h.campaign_id AND c.tenant_id = h.tenant_id"
            + " JOIN wa_template t ON t.id = c.template_id AND t.tenant_id = c.tenant_id", "t.id, t.name")) {
      EventSums e = EventSums.of(r, 2);
      byUse.add(new TemplateUse((String) r[0], (String) r[1], e.sent()));
      Double rate = Rates.ratio(e.read(), e.delivered());
      if (rate != null) {
        byRead.add(new TemplateReadRate((String) r[0], (String) r[1], rate));
      }
    }
    return new TopTemplates(
        byUse.stream().sorted(Comparator.comparingLong(TemplateUse::sent).reversed()).limit(TOP).toList(),
        byRead.stream().sorted(Comparator.comparingDouble(TemplateReadRate::readRate).reversed()).limit(TOP).toList());
  }

  private Map<String, Long> conversions(TenantId tenant, OffsetDateTime start, OffsetDateTime end) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("SELECT attributed_campaign_id, COUNT(*) FROM wa_conversion"
            + " WHERE tenant_id = ? AND converted_at >= ? AND converted_at < ? AND attributed_campaign_id IS NOT NULL"
            + " GROUP BY attributed_campaign_id")
        .setParameter(1, tenant.value()).setParameter(2, start).setParameter(3, end).getResultList();
    Map<String, Long> counts = new LinkedHashMap<>();
    rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
    return counts;
  }

  private List<SenderHealthLine> senders(TenantId tenant, LocalDate from, LocalDate to) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("SELECT s.sender_id, s.name, d.health_day, d.health FROM wa_sender_health_day d"
            + " JOIN wa_sender_account s ON s.id = d.sender_id AND s.tenant_id = d.tenant_id"
            + " WHERE d.tenant_id = ? AND d.health_day >= ? AND d.health_day <= ? ORDER BY s.name, s.sender_id, d.health_day")
        .setParameter(1, tenant.value()).setParameter(2, from).setParameter(3, to).getResultList();
    Map<String, SenderHealthLine> lines = new LinkedHashMap<>();
    for (Object[] r : rows) {
      lines.computeIfAbsent((String) r[0], id -> new SenderHealthLine(id, (String) r[1], new ArrayList<>()))
          .points().add(new HealthPoint(day(r[2]), ((Number) r[3]).intValue()));
    }
    return List.copyOf(lines.values());
  }

  private static LocalDate day(Object value) {
    return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
  }
}
