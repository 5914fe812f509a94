package dev.crm.whatsapp.consent;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.audience.AudienceExclusion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Leaves opted-out numbers out of audience previews and campaign snapshots, so that they are counted as
 * excluded up front instead of showing up as recipients who end {@code OPTED_OUT} at their turn. The
 * send-time check in the dispatcher's claim still stands: a number may opt out after the snapshot.
 */
@ApplicationScoped
public class OptedOutExclusion implements AudienceExclusion {
  public static final String REASON = "opted_out";

  @Inject ConsentRegistry registry;

  public static OptedOutExclusion over(ConsentRegistry registry) {
    OptedOutExclusion exclusion = new OptedOutExclusion();
    exclusion.registry = registry;
    return exclusion;
  }

  @Override
  public Optional<String> excludes(TenantId tenant, PhoneNumber phone) {
    return registry.isOptedOut(tenant, phone) ? Optional.of(REASON) : Optional.empty();
  }
}
