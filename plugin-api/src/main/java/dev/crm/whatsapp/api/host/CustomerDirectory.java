package dev.crm.whatsapp.api.host;

import dev.crm.whatsapp.api.CustomerId;
import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import java.util.Optional;

/**
 * Where the plugin reads the host's customers, to link a customer back to the lead it was converted
 * from. Scoped by tenant like {@link LeadDirectory}.
 */
public interface CustomerDirectory {

  /** The customer with this id in this tenant, or empty when there is none. */
  Optional<Customer> find(TenantId tenant, CustomerId id);

  /** The customer converted from this lead, when the host recorded one. */
  Optional<Customer> findConvertedFrom(TenantId tenant, LeadId lead);
}
