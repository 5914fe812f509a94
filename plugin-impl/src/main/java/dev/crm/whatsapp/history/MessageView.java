package dev.crm.whatsapp.history;

import java.time.OffsetDateTime;

/** A message as the REST API shows it. Statuses and directions are lower-case words. */
public record MessageView(
    String id,
    String leadId,
    String direction,
    String text,
    String status,
    String provider,
    String providerMessageId,
    Integer errorCode,
    String errorMessage,
    String createdBy,
    OffsetDateTime createdAt,
    OffsetDateTime queuedAt,
    OffsetDateTime sentAt,
    OffsetDateTime deliveredAt,
    OffsetDateTime readAt,
    OffsetDateTime failedAt,
    String type,
    String pricingCategory,
    OffsetDateTime respondedAt,
    String templateId,
    String templateName,
    int attempts,
    OffsetDateTime nextAttemptAt,
    String campaignId,
    String campaignName) {

  public static MessageView of(LeadMessage m) {
    return of(m, null);
  }

  /** With the name of the campaign the message was made for (looked up by the caller, once per page). */
  public static MessageView of(LeadMessage m, String campaignName) {
    return new MessageView(m.id(), m.lead().value(), m.direction().name().toLowerCase(), m.body(),
        m.status().wireName(), m.provider().orElse(null), m.providerMessageId().orElse(null),
        m.errorCode().orElse(null), m.errorMessage().orElse(null), m.createdBy(), m.createdAt(), m.queuedAt(),
        m.sentAt(), m.deliveredAt(), m.readAt(), m.failedAt(), m.messageType().orElse(null),
        m.pricingCategory().orElse(null), m.respondedAt().orElse(null), m.templateId().orElse(null),
        m.templateName().orElse(null), m.attempts(), m.nextAttemptAt().orElse(null),
        m.campaignId().orElse(null), campaignName);
  }
}
