package dev.crm.whatsapp.history;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Test data: an outbound text, queued unless told otherwise. */
public final class LeadMessageBuilder {
  public static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);

  private TenantId tenant = TenantId.of("acme");
  private LeadId lead = LeadId.of("7");
  private PhoneNumber phone = PhoneNumber.of("+6281234567890");
  private String text = "Halo, ada yang bisa kami bantu?";
  private String createdBy = "rina.sales";
  private OffsetDateTime createdAt = T0;
  private boolean queued = true;

  private LeadMessageBuilder() {}

  public static LeadMessageBuilder aMessage() {
    return new LeadMessageBuilder();
  }

  public LeadMessageBuilder tenant(String value) {
    tenant = TenantId.of(value);
    return this;
  }

  public LeadMessageBuilder lead(String value) {
    lead = LeadId.of(value);
    return this;
  }

  public LeadMessageBuilder text(String value) {
    text = value;
    return this;
  }

  public LeadMessageBuilder createdAt(OffsetDateTime value) {
    createdAt = value;
    return this;
  }

  public LeadMessageBuilder pending() {
    queued = false;
    return this;
  }

  public LeadMessage build() {
    LeadMessage message = LeadMessage.outboundText(tenant, lead, phone, text, createdBy, createdAt);
    if (queued) {
      message.markQueued(createdAt);
    }
    return message;
  }
}
