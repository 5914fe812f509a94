package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.api.security.Permission;
import dev.crm.whatsapp.audience.Candidate;
import dev.crm.whatsapp.leads.LeadLookup;
import dev.crm.whatsapp.platform.PhoneNormaliser;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.security.CurrentCaller;
import dev.crm.whatsapp.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A campaign's recipients: list by status; while a draft, add, remove, or upload a CSV list. */
@Path("campaigns/{id}/recipients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CampaignRecipientsResource {

  public record RecipientPage(List<RecipientView> items, long total, int run, int page, int size) {}

  /** People to add: host leads by id, and/or contacts by phone. */
  public record AddRequest(List<String> leadIds, List<Contact> contacts) {}

  public record Contact(String name, String phone, Map<String, String> variables) {}

  public record RemoveRequest(List<String> recipientIds) {}

  public record Changed(long count) {}

  @Inject CurrentCaller caller;
  @Inject CampaignService service;
  @Inject CampaignRepository repository;
  @Inject LeadLookup leads;
  @Inject PhoneNormaliser phones;

  @PathParam("id") String id;

  @GET
  @RequiresPermission(Permission.CAMPAIGN_VIEW)
  public RecipientPage list(@QueryParam("status") String status, @QueryParam("run") Integer run,
      @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "is at least 0") int page,
      @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "is at least 1")
          @Max(value = 500, message = "is at most 500") int size) {
    Campaign campaign = repository.find(tenant(), id).orElseThrow(() -> ApiException.notFound("campaign"));
    RecipientStatus filter = parse(status);
    int which = run == null ? campaign.runNo() : run;
    return new RecipientPage(repository.recipients(id, which, filter, page * size, size).stream()
        .map(RecipientView::of).toList(), repository.countRecipients(id, which, filter), which, page, size);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresPermission(Permission.CAMPAIGN_EDIT)
  public Changed add(@NotNull(message = "a JSON body is required") AddRequest request) {
    List<Candidate> candidates = new ArrayList<>();
    List<String> ids = request.leadIds() == null ? List.of() : request.leadIds();
    for (int i = 0; i < ids.size(); i++) {
      Lead lead = leads.require(tenant(), ids.get(i));
      String field = "leadIds[" + i + "]";
      PhoneNumber phone = phones.normalise(lead.phone()).orElseThrow(() ->
          ApiException.unprocessable(field, "the lead's phone is not a valid phone number"));
      candidates.add(new Candidate(lead.id().value(), lead.displayName(), phone, lead.timeZone(), null));
    }
    List<Contact> contacts = request.contacts() == null ? List.of() : request.contacts();
    for (int i = 0; i < contacts.size(); i++) {
      Contact contact = contacts.get(i);
      String field = "contacts[" + i + "].phone";
      PhoneNumber phone = phones.normalise(contact.phone()).orElseThrow(() ->
          ApiException.invalid(field, "is not a valid phone number"));
      candidates.add(new Candidate(null, contact.name(), phone, null, contact.variables()));
    }
    return new Changed(service.addRecipients(tenant(), id, candidates));
  }

  @POST
  @Path("remove")
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresPermission(Permission.CAMPAIGN_EDIT)
  public Changed remove(@NotNull(message = "a JSON body is required") RemoveRequest request) {
    return new Changed(service.removeRecipients(tenant(), id,
        request.recipientIds() == null ? List.of() : request.recipientIds()));
  }

  /** The body is the CSV file itself ({@code name,phone[,var1,...]} with a header), streamed. */
  @POST
  @Path("csv")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  @RequiresPermission(Permission.CAMPAIGN_EDIT)
  public CampaignService.UploadReport upload(InputStream body) {
    return service.upload(tenant(), id, body);
  }

  private TenantId tenant() {
    return caller.get().tenant();
  }

  private static RecipientStatus parse(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return RecipientStatus.valueOf(status.trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("status", "is one of pending, queued, sending, sent, delivered, read, failed, skipped");
    }
  }
}
