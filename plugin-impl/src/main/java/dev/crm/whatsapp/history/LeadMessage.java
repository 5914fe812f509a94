package dev.crm.whatsapp.history;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * One message to or from a lead. Status changes after creation go through the guarded updates of
 * {@link LeadMessages}, never through setters, so that concurrent webhooks and consumers cannot move a
 * status backwards.
 */
@Entity
@Table(name = "wa_message")
@NamedQuery(name = "LeadMessage.history",
    query = "SELECT m FROM LeadMessage m WHERE m.tenantId = :tenant AND m.leadId = :lead"
        + " ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(name = "LeadMessage.historyAfter",
    query = "SELECT m FROM LeadMessage m WHERE m.tenantId = :tenant AND m.leadId = :lead"
        + " AND (m.createdAt < :createdAt OR (m.createdAt = :createdAt AND m.id < :id))"
        + " ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(name = "LeadMessage.byProviderId",
    query = "SELECT m FROM LeadMessage m WHERE m.providerMessageId = :providerMessageId")
public class LeadMessage {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "tenant_id", nullable = false)
  private String tenantId;

  @Column(name = "lead_id", nullable = false)
  private String leadId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Direction direction;

  @Column(nullable = false)
  private String phone;

  private String body;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MessageStatus status;

  private String provider;

  @Column(name = "sender_id")
  private String senderId;

  @Column(name = "provider_message_id")
  private String providerMessageId;

  @Column(name = "error_code")
  private Integer errorCode;

  @Column(name = "error_message")
  private String errorMessage;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "queued_at")
  private OffsetDateTime queuedAt;

  @Column(name = "sending_at")
  private OffsetDateTime sendingAt;

  @Column(name = "sent_at")
  private OffsetDateTime sentAt;

  @Column(name = "delivered_at")
  private OffsetDateTime deliveredAt;

  @Column(name = "read_at")
  private OffsetDateTime readAt;

  @Column(name = "failed_at")
  private OffsetDateTime failedAt;

  @Column(name = "message_type")
  private String messageType;

  @Column(name = "pricing_category")
  private String pricingCategory;

  @Column(name = "responded_at")
  private OffsetDateTime respondedAt;
  @Column(name = "template_id")
  private String templateId;

  @Column(name = "template_name")
  private String templateName;

  /** The rendered provider content as JSON (templates' StoredContent); {@code null} for plain texts. */
  @Column(name = "content")
  private String content;
  /** Send attempts made so far (dispatch retries after a refused or never-sent attempt). */
  private int attempts;

  @Column(name = "next_attempt_at")
  private OffsetDateTime nextAttemptAt;

  /** The campaign and recipient this message was made for; {@code null} for a rep's own message. */
  @Column(name = "campaign_id")
  private String campaignId;

  @Column(name = "campaign_recipient_id")
  private String campaignRecipientId;

  /** The sender number it should leave from while that number is usable (its campaign's choice). */
  @Column(name = "preferred_account_id")
  private String preferredAccountId;

  @Version
  private long version;

  protected LeadMessage() {}

  /** A new outbound text, waiting to be queued. */
  public static LeadMessage outboundText(TenantId tenant, LeadId lead, PhoneNumber to, String text,
      String createdBy, OffsetDateTime now) {
    LeadMessage message = new LeadMessage();
    message.id = UUID.randomUUID().toString();
    message.tenantId = tenant.value();
    message.leadId = lead.value();
    message.direction = Direction.OUTBOUND;
    message.phone = to.e164();
    message.body = text;
    message.status = MessageStatus.PENDING;
    message.createdBy = createdBy;
    message.createdAt = now;
    return message;
  }

  /** A message the lead sent us, as received from a webhook: final on arrival ({@code received}). */
  public static LeadMessage inbound(TenantId tenant, LeadId lead, PhoneNumber from, String type, String text,
      String providerMessageId, String receivedBy, OffsetDateTime sentAt) {
    LeadMessage message = new LeadMessage();
    message.id = UUID.randomUUID().toString();
    message.tenantId = tenant.value();
    message.leadId = lead.value();
    message.direction = Direction.INBOUND;
    message.phone = from.e164();
    message.body = text;
    message.messageType = type;
    message.status = MessageStatus.RECEIVED;
    message.providerMessageId = providerMessageId;
    message.senderId = receivedBy;
    message.createdAt = sentAt;
    return message;
  }

  /**
   * A new outbound template message: {@code text} is what the recipient reads (for the history),
   * {@code contentJson} the rendered content the dispatcher sends.
   */
  public static LeadMessage outboundTemplate(TenantId tenant, LeadId lead, PhoneNumber to, String text,
      String templateId, String templateName, String contentJson, String createdBy, OffsetDateTime now) {
    LeadMessage message = outboundText(tenant, lead, to, text, createdBy, now);
    message.templateId = templateId;
    message.templateName = templateName;
    message.content = contentJson;
    return message;
  }

  /**
   * A new outbound media message (an attachment the rep uploaded): {@code text} is what the history shows
   * (the caption, else the file's name), {@code type} the kind in lower case as inbound media have it, and
   * {@code contentJson} the media content with the link the provider fetches.
   */
  public static LeadMessage outboundMedia(TenantId tenant, LeadId lead, PhoneNumber to, String text, String type,
      String contentJson, String createdBy, OffsetDateTime now) {
    LeadMessage message = outboundText(tenant, lead, to, text, createdBy, now);
    message.messageType = type;
    message.content = contentJson;
    return message;
  }

  /** Marks the message as a campaign recipient's only message (the column is unique). */
  public LeadMessage forCampaign(String campaignId, String campaignRecipientId) {
    this.campaignId = campaignId;
    this.campaignRecipientId = campaignRecipientId;
    return this;
  }

  /** It should leave from sender account {@code accountId} while that number is usable; {@code null}: any. */
  public LeadMessage preferring(String accountId) {
    this.preferredAccountId = accountId;
    return this;
  }

  public Optional<String> preferredAccountId() {
    return Optional.ofNullable(preferredAccountId);
  }

  /** Queued in the same transaction that created it. */
  public void markQueued(OffsetDateTime now) {
    status = MessageStatus.QUEUED;
    queuedAt = now;
  }

  public String id() { return id; }
  public TenantId tenant() { return TenantId.of(tenantId); }
  public LeadId lead() { return LeadId.of(leadId); }
  public Direction direction() { return direction; }
  public PhoneNumber phone() { return PhoneNumber.of(phone); }
  public String body() { return body; }
  public MessageStatus status() { return status; }
  public Optional<String> provider() { return Optional.ofNullable(provider); }
  public Optional<String> senderId() { return Optional.ofNullable(senderId); }
  public Optional<String> providerMessageId() { return Optional.ofNullable(providerMessageId); }
  public Optional<Integer> errorCode() { return Optional.ofNullable(errorCode); }
  public Optional<String> errorMessage() { return Optional.ofNullable(errorMessage); }
  public String createdBy() { return createdBy; }
  public OffsetDateTime createdAt() { return createdAt; }
  public OffsetDateTime queuedAt() { return queuedAt; }
  public OffsetDateTime sendingAt() { return sendingAt; }
  public OffsetDateTime sentAt() { return sentAt; }
  public OffsetDateTime deliveredAt() { return deliveredAt; }
  public OffsetDateTime readAt() { return readAt; }
  public OffsetDateTime failedAt() { return failedAt; }
  public Optional<String> messageType() { return Optional.ofNullable(messageType); }
  public Optional<String> pricingCategory() { return Optional.ofNullable(pricingCategory); }
  public Optional<OffsetDateTime> respondedAt() { return Optional.ofNullable(respondedAt); }
  public Optional<String> templateId() { return Optional.ofNullable(templateId); }
  public Optional<String> templateName() { return Optional.ofNullable(templateName); }
  public Optional<String> contentJson() { return Optional.ofNullable(content); }
  public int attempts() { return attempts; }
  public Optional<OffsetDateTime> nextAttemptAt() { return Optional.ofNullable(nextAttemptAt); }
  public Optional<String> campaignId() { return Optional.ofNullable(campaignId); }
  public Optional<String> campaignRecipientId() { return Optional.ofNullable(campaignRecipientId); }
}
