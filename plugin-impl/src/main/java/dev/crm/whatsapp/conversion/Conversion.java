package dev.crm.whatsapp.conversion;

import dev.crm.whatsapp.api.CustomerId;
import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A lead that became a customer, and the message (and campaign, once campaigns exist) credited with it. */
@Entity
@Table(name = "wa_conversion")
public class Conversion {

  /** How the plugin learnt of it. */
  public enum Source { REST, EVENT, SCAN }

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "tenant_id", nullable = false)
  private String tenantId;

  @Column(name = "lead_id", nullable = false)
  private String leadId;

  @Column(name = "customer_id", nullable = false)
  private String customerId;

  @Column(name = "converted_at", nullable = false)
  private OffsetDateTime convertedAt;

  @Column(nullable = false)
  private String source;

  @Column(name = "attributed_message_id")
  private String attributedMessageId;

  @Column(name = "attributed_campaign_id")
  private String attributedCampaignId;

  @Column(name = "recorded_at", nullable = false)
  private OffsetDateTime recordedAt;

  protected Conversion() {}

  static Conversion of(TenantId tenant, LeadId lead, CustomerId customer, OffsetDateTime convertedAt, Source source,
      String attributedMessageId, String attributedCampaignId, OffsetDateTime now) {
    Conversion conversion = new Conversion();
    conversion.id = UUID.randomUUID().toString();
    conversion.tenantId = tenant.value();
    conversion.leadId = lead.value();
    conversion.customerId = customer.value();
    conversion.convertedAt = convertedAt;
    conversion.source = source.name().toLowerCase(java.util.Locale.ROOT);
    conversion.attributedMessageId = attributedMessageId;
    conversion.attributedCampaignId = attributedCampaignId;
    conversion.recordedAt = now;
    return conversion;
  }

  public String id() { return id; }
  public TenantId tenant() { return TenantId.of(tenantId); }
  public LeadId lead() { return LeadId.of(leadId); }
  public CustomerId customer() { return CustomerId.of(customerId); }
  public OffsetDateTime convertedAt() { return convertedAt; }
  public String source() { return source; }
  public Optional<String> attributedMessageId() { return Optional.ofNullable(attributedMessageId); }
  public Optional<String> attributedCampaignId() { return Optional.ofNullable(attributedCampaignId); }
  public OffsetDateTime recordedAt() { return recordedAt; }
}
