package dev.crm.whatsapp.webhooks;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.consent.ConsentRegistry;
import dev.crm.whatsapp.consent.ConsentSource;
import dev.crm.whatsapp.consent.ConsentState;
import dev.crm.whatsapp.platform.PhoneNormaliser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * A {@code user_preferences} webhook: a user stopped (or resumed) marketing messages from a business
 * number. Recorded for every tenant the number serves, since the user told the number, not a tenant.
 */
@ApplicationScoped
public class PreferenceApplier {

  @Inject InboundTenantResolver tenants;
  @Inject PhoneNormaliser phones;
  @Inject ConsentRegistry consent;

  public void apply(PreferenceChange change) {
    Optional<PhoneNumber> phone = phones.normalise("+" + change.waId());
    if (phone.isEmpty()) {
      return;
    }
    ConsentState state = change.stop() ? ConsentState.OPTED_OUT : ConsentState.OPTED_IN;
    for (TenantId tenant : tenants.tenantsFor(change.phoneNumberId())) {
      consent.record(tenant, phone.get(), state, ConsentSource.USER_PREFERENCES, change.detail(), change.at());
    }
  }
}
