package dev.crm.whatsapp.leads;

import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.api.host.LeadCriteria;
import dev.crm.whatsapp.api.host.LeadDirectory;
import dev.crm.whatsapp.api.host.Range;
import dev.crm.whatsapp.api.security.Permission;
import dev.crm.whatsapp.platform.PhoneNormaliser;
import dev.crm.whatsapp.security.CurrentCaller;
import dev.crm.whatsapp.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.stream.Stream;

/** The host's leads, read through {@link LeadDirectory} and scoped to the caller's tenant. */
@Path("leads")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LeadsResource {

  /** One page of leads. */
  public record LeadPage(List<LeadView> items, int page, int size, long total) {}

  @Inject CurrentCaller caller;
  @Inject LeadDirectory directory;
  @Inject LeadLookup lookup;
  @Inject PhoneNormaliser phones;

  @GET
  @RequiresPermission(Permission.LEAD_VIEW)
  public LeadPage list(
      @QueryParam("q") @Size(max = 100, message = "is at most 100 characters") String text,
      @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "is at least 0") int page,
      @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "is at least 1")
          @Max(value = 200, message = "is at most 200") int size) {
    TenantId tenant = caller.get().tenant();
    LeadCriteria criteria = LeadCriteria.matching(text);
    try (Stream<Lead> leads = directory.select(tenant, criteria, Range.page(page, size))) {
      List<LeadView> items = leads.map(lead -> LeadView.of(lead, phones.normalise(lead.phone()))).toList();
      return new LeadPage(items, page, size, directory.count(tenant, criteria));
    }
  }

  @GET
  @Path("{leadId}")
  @RequiresPermission(Permission.LEAD_VIEW)
  public LeadView get(@PathParam("leadId") String leadId) {
    var lead = lookup.require(caller.get().tenant(), leadId);
    return LeadView.of(lead, phones.normalise(lead.phone()));
  }
}
