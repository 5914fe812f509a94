package dev.crm.whatsapp.audience;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import java.util.Optional;

/**
 * A reason to leave a phone out of every audience, e.g. an opt-out registry. Every CDI bean implementing it
 * is asked for every candidate at preview and at launch; the consent feature plugs in here.
 */
public interface AudienceExclusion {

  /** A short reason code (e.g. {@code opted_out}) when the phone must not be messaged; empty otherwise. */
  Optional<String> excludes(TenantId tenant, PhoneNumber phone);
}
