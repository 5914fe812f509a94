package dev.crm.whatsapp.api.events;

import dev.crm.whatsapp.api.CustomerId;
import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * Fired by a host that embeds the plugin when a lead became a customer:
 * {@code beanManager.getEvent().fire(new LeadConverted(...))} or an injected
 * {@code Event<LeadConverted>}. The plugin records the conversion once per customer (firing it again
 * changes nothing) and attributes it to the last WhatsApp message delivered to the lead within the
 * attribution window. Observed synchronously, in the firing thread's transaction when there is one.
 *
 * @param tenant the tenant of both records
 * @param lead the lead that converted
 * @param customer the customer it became
 * @param convertedAt when it converted
 */
public record LeadConverted(TenantId tenant, LeadId lead, CustomerId customer, Instant convertedAt) {

  public LeadConverted {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(convertedAt, "convertedAt");
  }
}
