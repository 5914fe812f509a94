package dev.crm.whatsapp.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A webhook request as received and verified, kept until it has been applied. */
@Entity
@Table(name = "wa_webhook_event")
@NamedQuery(name = "WebhookEvent.unprocessed",
    query = "SELECT e.id FROM WebhookEvent e WHERE e.processedAt IS NULL AND e.attempts < :maxAttempts"
        + " ORDER BY e.receivedAt")
public class WebhookEvent {

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false)
  private String source;

  @Column(name = "received_at", nullable = false)
  private OffsetDateTime receivedAt;

  @Column(nullable = false)
  private String body;

  @Column(name = "processed_at")
  private OffsetDateTime processedAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_error")
  private String lastError;

  protected WebhookEvent() {}

  public static WebhookEvent received(String source, byte[] body, OffsetDateTime now) {
    WebhookEvent event = new WebhookEvent();
    event.id = UUID.randomUUID().toString();
    event.source = source;
    event.body = new String(body, StandardCharsets.UTF_8);
    event.receivedAt = now;
    return event;
  }

  void processed(OffsetDateTime now) {
    attempts++;
    processedAt = now;
    lastError = null;
  }

  void attemptFailed(String error) {
    attempts++;
    lastError = truncate(error);
  }

  /** Done with, but not applied: kept for inspection with the reason, never retried. */
  void setAside(String reason, OffsetDateTime now) {
    attempts++;
    processedAt = now;
    lastError = truncate(reason);
  }

  private static String truncate(String text) {
    return text.length() > 500 ? text.substring(0, 500) : text;
  }

  public String id() { return id; }
  public String source() { return source; }
  public byte[] body() { return body.getBytes(StandardCharsets.UTF_8); }
  public OffsetDateTime receivedAt() { return receivedAt; }
  public OffsetDateTime processedAt() { return processedAt; }
  public int attempts() { return attempts; }
  public String lastError() { return lastError; }
}
