package dev.crm.whatsapp.api.host;

import dev.crm.whatsapp.api.CustomerId;
import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer as the host knows it.
 *
 * @param id the host's id
 * @param tenant the tenant the customer belongs to
 * @param displayName the customer's name
 * @param phone the phone as the host stores it; may be {@code null}
 * @param convertedFromLead the lead this customer was converted from, when the host records it
 * @param createdAt when the host created the customer; may be {@code null}
 */
public record Customer(
    CustomerId id,
    TenantId tenant,
    String displayName,
    String phone,
    LeadId convertedFromLead,
    Instant createdAt) {

  public Customer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
  }

  /** The lead this customer came from, when the host recorded the conversion. */
  public Optional<LeadId> originalLead() {
    return Optional.ofNullable(convertedFromLead);
  }
}
