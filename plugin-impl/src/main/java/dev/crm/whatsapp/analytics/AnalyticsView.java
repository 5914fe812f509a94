package dev.crm.whatsapp.analytics;

import java.time.LocalDate;
import java.util.List;

/** {@code GET /analytics?from=&to=}: the shape is shared with the UI (see docs/analytics.md). */
public record AnalyticsView(LocalDate from, LocalDate to, Totals totals, List<Day> daily, List<CampaignLine> campaigns,
    TopTemplates topTemplates, List<CampaignConversions> conversions, List<SenderHealthLine> senders) {

  public record Totals(long sent, long delivered, long read, long failed, Rates rates) {}

  public record Day(LocalDate date, long sent, long delivered, long read, long failed) {}

  public record CampaignLine(String id, String name, String status, long sent, long delivered, long read, long failed,
      long conversions, Rates rates) {}

  public record TopTemplates(List<TemplateUse> byUse, List<TemplateReadRate> byReadRate) {}

  public record TemplateUse(String templateId, String name, long sent) {}

  public record TemplateReadRate(String templateId, String name, Double readRate) {}

  public record CampaignConversions(String campaignId, String name, long count) {}

  public record SenderHealthLine(String senderId, String name, List<HealthPoint> points) {}

  public record HealthPoint(LocalDate date, int health) {}
}
