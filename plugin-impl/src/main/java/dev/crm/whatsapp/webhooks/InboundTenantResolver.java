package dev.crm.whatsapp.webhooks;

import dev.crm.whatsapp.api.TenantId;
import java.util.List;

/**
 * Which tenants a business number ({@code metadata.phone_number_id}) receives messages for. A webhook
 * carries the receiving number, not a tenant. More than one tenant may share a number (the demo's
 * sandbox number); the inbound message then goes to the one tenant with a lead of that phone.
 * Sender accounts per tenant will provide their own implementation.
 */
public interface InboundTenantResolver {

  /** The tenants the number serves, the first being where messages nobody can place are kept. */
  List<TenantId> tenantsFor(String phoneNumberId);
}
