package dev.crm.whatsapp.consent;

import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.api.security.Permission;
import dev.crm.whatsapp.leads.LeadLookup;
import dev.crm.whatsapp.platform.PhoneNormaliser;
import dev.crm.whatsapp.security.CurrentCaller;
import dev.crm.whatsapp.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.logging.Logger;

/** GDPR: erase a lead's WhatsApp data (see {@link LeadDataErasure} for what stays). */
@Path("leads/{leadId}/whatsapp-data")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LeadDataResource {
  private static final Logger LOG = Logger.getLogger(LeadDataResource.class.getName());

  @Inject CurrentCaller caller;
  @Inject LeadLookup leads;
  @Inject PhoneNormaliser phones;
  @Inject LeadDataErasure erasure;

  @PathParam("leadId") String leadId;

  @DELETE
  @RequiresPermission(Permission.SETTINGS_ADMIN)
  @Transactional
  public LeadDataErasure.Erased erase() {
    var who = caller.get();
    Lead lead = leads.require(who.tenant(), leadId);
    LeadDataErasure.Erased erased = erasure.erase(who.tenant(), lead.id(), phones.normalise(lead.phone()));
    LOG.info(() -> "WhatsApp data of lead " + lead.id().value() + " (tenant " + who.tenant().value() + ") erased by "
        + who.user() + ": " + erased);
    return erased;
  }
}
