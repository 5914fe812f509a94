package dev.crm.whatsapp.webhooks;

import dev.crm.whatsapp.api.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An inbound message no lead could be found for, kept for the tenant's admins. */
@Entity
@Table(name = "wa_unmatched_inbound")
public class UnmatchedInbound {

  /** Why it was not placed. */
  public enum Reason {
    /** No lead of the receiving tenant(s) has the sender's phone. */
    NO_LEAD,
    /** Leads in several tenants sharing the number have that phone, and none of them wrote to it last. */
    AMBIGUOUS_TENANT,
    /** The sender's number could not be read as a phone number. */
    INVALID_PHONE
  }

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "tenant_id", nullable = false)
  private String tenantId;

  @Column(name = "phone_number_id")
  private String phoneNumberId;

  private String phone;

  @Column(name = "provider_message_id", nullable = false)
  private String providerMessageId;

  @Column(name = "message_type")
  private String messageType;

  private String body;

  @Column(name = "profile_name")
  private String profileName;

  @Column(nullable = false)
  private String reason;

  @Column(name = "received_at", nullable = false)
  private OffsetDateTime receivedAt;

  protected UnmatchedInbound() {}

  static UnmatchedInbound of(TenantId tenant, InboundMessage message, String e164, Reason reason) {
    UnmatchedInbound row = new UnmatchedInbound();
    row.id = UUID.randomUUID().toString();
    row.tenantId = tenant.value();
    row.phoneNumberId = message.phoneNumberId();
    row.phone = e164;
    row.providerMessageId = message.providerMessageId();
    row.messageType = message.type();
    row.body = message.text();
    row.profileName = message.profileName() == null || message.profileName().length() <= 256
        ? message.profileName() : message.profileName().substring(0, 256);
    row.reason = reason.name().toLowerCase(java.util.Locale.ROOT);
    row.receivedAt = message.at();
    return row;
  }

  public String id() { return id; }
  public String tenantId() { return tenantId; }
  public String phoneNumberId() { return phoneNumberId; }
  public String phone() { return phone; }
  public String providerMessageId() { return providerMessageId; }
  public String messageType() { return messageType; }
  public String body() { return body; }
  public String profileName() { return profileName; }
  public String reason() { return reason; }
  public OffsetDateTime receivedAt() { return receivedAt; }
}
