package dev.crm.whatsapp.leads;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.api.host.LeadDirectory;
import dev.crm.whatsapp.platform.errors.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Finds a lead for a request. A malformed id, an unknown id and another tenant's id all answer the same
 * 404, so nobody can learn which ids exist elsewhere.
 */
@ApplicationScoped
public class LeadLookup {

  @Inject LeadDirectory directory;

  public Lead require(TenantId tenant, String leadId) {
    LeadId id;
    try {
      id = LeadId.of(leadId);
    } catch (IllegalArgumentException malformed) {
      throw ApiException.notFound("lead");
    }
    return directory.find(tenant, id).orElseThrow(() -> ApiException.notFound("lead"));
  }
}
