package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * One recipient of one run of a campaign: a snapshot of who and where, made at launch (or uploaded while a
 * draft). After the feeder made its message, its status follows the message's (see {@code LeadMessages}).
 */
@Entity
@Table(name = "wa_campaign_recipient")
public class CampaignRecipient {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "tenant_id", nullable = false)
  private String tenantId;

  @Column(name = "campaign_id", nullable = false)
  private String campaignId;

  @Column(name = "run_no", nullable = false)
  private int runNo;

  @Column(name = "lead_id")
  private String leadId;

  private String name;

  @Column(nullable = false)
  private String phone;

  @Column(name = "time_zone")
  private String timeZone;

  /** Per-recipient template variables as JSON ({@code Map<String, String>}), e.g. from CSV columns. */
  private String variables;

  private String variant;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private RecipientStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "message_id")
  private String messageId;

  @Column(name = "error_code")
  private Integer errorCode;

  @Column(name = "error_message")
  private String errorMessage;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected CampaignRecipient() {}

  public static CampaignRecipient pending(TenantId tenant, String campaignId, int runNo, String leadId,
      String name, PhoneNumber phone, String timeZone, String variablesJson, OffsetDateTime now) {
    CampaignRecipient recipient = new CampaignRecipient();
    recipient.id = UUID.randomUUID().toString();
    recipient.tenantId = tenant.value();
    recipient.campaignId = campaignId;
    recipient.runNo = runNo;
    recipient.leadId = leadId;
    recipient.name = name;
    recipient.phone = phone.e164();
    recipient.timeZone = timeZone;
    recipient.variables = variablesJson;
    recipient.status = RecipientStatus.PENDING;
    recipient.createdAt = now;
    recipient.updatedAt = now;
    return recipient;
  }

  /** The feeder made its message (queued in the same transaction). */
  public void messaged(String messageId, OffsetDateTime now) {
    this.messageId = messageId;
    this.status = RecipientStatus.QUEUED;
    this.attempts++;
    this.updatedAt = now;
  }

  /** No message could be made (e.g. a parameter could not be rendered for this recipient). */
  public void failedBeforeSend(String reason, OffsetDateTime now) {
    this.status = RecipientStatus.FAILED;
    this.errorMessage = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
    this.attempts++;
    this.updatedAt = now;
  }

  /** The A/B variant this recipient was assigned at the snapshot ({@code null}: the campaign has none). */
  public void assignVariant(String key) {
    this.variant = key;
  }

  /** Left out of the run without a message, with the reason (e.g. {@code outside_service_window}). */
  public void skipped(String reason, OffsetDateTime now) {
    this.status = RecipientStatus.SKIPPED;
    this.errorMessage = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
    this.updatedAt = now;
  }

  /** The same recipient, waiting again in another run (a retry or a recurring run of an uploaded list). */
  public CampaignRecipient copyFor(int newRun, OffsetDateTime now) {
    CampaignRecipient copy = pending(tenant(), campaignId, newRun, leadId, name, phone(), timeZone, variables, now);
    copy.attempts = attempts;
    copy.variant = variant;
    return copy;
  }

  public String id() { return id; }
  public TenantId tenant() { return TenantId.of(tenantId); }
  public String campaignId() { return campaignId; }
  public int runNo() { return runNo; }
  public Optional<String> leadId() { return Optional.ofNullable(leadId); }
  public Optional<String> name() { return Optional.ofNullable(name); }
  public PhoneNumber phone() { return PhoneNumber.of(phone); }
  /** The phone as stored, unchecked (rows copied inside the database are vetted before use). */
  String phoneText() { return phone; }
  public Optional<String> timeZone() { return Optional.ofNullable(timeZone); }
  public Optional<String> variablesJson() { return Optional.ofNullable(variables); }
  public Optional<String> variant() { return Optional.ofNullable(variant); }
  public RecipientStatus status() { return status; }
  public int attempts() { return attempts; }
  public Optional<String> messageId() { return Optional.ofNullable(messageId); }
  public Optional<Integer> errorCode() { return Optional.ofNullable(errorCode); }
  public Optional<String> errorMessage() { return Optional.ofNullable(errorMessage); }
  public OffsetDateTime createdAt() { return createdAt; }
  public OffsetDateTime updatedAt() { return updatedAt; }
}
