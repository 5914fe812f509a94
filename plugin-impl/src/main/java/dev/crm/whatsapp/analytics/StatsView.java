package dev.crm.whatsapp.analytics;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** {@code GET /campaigns/{id}/stats}: the shape is shared with the UI (see docs/analytics.md). */
public record StatsView(String campaignId, String status, long total, Map<String, Long> counts, Rates rates,
    List<ErrorView> errors, Timeline timeline, List<Long> hourlyDistribution, List<SenderView> senders,
    List<VariantView> variants, Double averageSecondsToDelivered, Double averageSecondsToRead) {

  /** Failed recipients with one error code; code null when the failure had none. */
  public record ErrorView(Integer code, String meaning, long count, List<FailedSample> sample) {}

  public record FailedSample(String recipientId, String leadId, String phone, String error) {}

  public record Timeline(String bucket, List<Point> points) {}

  public record Point(OffsetDateTime at, long sent, long delivered, long read, long failed) {}

  public record SenderView(String senderId, String name, String provider, long sent, long delivered, long read,
      long failed) {}

  public record VariantView(String key, String templateId, Map<String, Long> counts, Rates rates) {}
}
