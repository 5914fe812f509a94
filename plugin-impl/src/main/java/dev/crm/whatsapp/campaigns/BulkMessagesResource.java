package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.api.security.Permission;
import dev.crm.whatsapp.audience.AudienceSpec;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.security.Caller;
import dev.crm.whatsapp.security.CurrentCaller;
import dev.crm.whatsapp.security.RequiresPermission;
import dev.crm.whatsapp.templates.Binding;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One template (or a free text) to many leads at once: an ad-hoc campaign, started now, with the same throttle, history and
 * counters as any campaign (follow it at {@code /campaigns/{id}}; it is left out of the campaign list).
 */
@Path("leads/bulk-messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BulkMessagesResource {

  /**
   * {@code leadIds}, or {@code criteria} (a leads audience), and the template with its bindings, or free
   * {@code text} (sent only to leads inside their 24-hour window on numbers that keep to it).
   */
  public record BulkRequest(List<String> leadIds, AudienceSpec criteria, String templateId,
      Map<String, Binding> bindings, String text) {}

  @Inject CurrentCaller caller;
  @Inject CampaignService service;
  @Inject CampaignRepository repository;
  @Inject Clock clock;
  @Inject RunSnapshot snapshot;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresPermission(Permission.SEND)
  public Response send(@NotNull(message = "a JSON body is required") @Valid BulkRequest request) {
    boolean byIds = request.leadIds() != null && !request.leadIds().isEmpty();
    if (byIds == (request.criteria() != null)) {
      throw ApiException.invalid("leadIds", "give either leadIds or criteria");
    }
    if (byIds && request.leadIds().contains(null)) {
      throw ApiException.invalid("leadIds", "holds lead ids, none of them null");
    }
    AudienceSpec audience = byIds ? AudienceSpec.ofLeads(request.leadIds()) : request.criteria();
    if (audience.isList()) {
      throw ApiException.invalid("criteria.source", "is leads");
    }
    Caller who = caller.get();
    CampaignRequest campaign = new CampaignRequest("Bulk send by " + who.user() + " at "
        + OffsetDateTime.now(clock).withNano(0), null, request.templateId(), request.bindings(), null,
        request.text() == null ? null : new DirectContent("text", request.text(), null, null), null, audience, null,
        null, null, null, null);
    String id = service.bulkSend(who, campaign.toSettings(service.defaultThrottle(), true)).id();
    snapshot.complete(id);
    Campaign started = repository.find(who.tenant(), id).orElseThrow();
    return Response.accepted(CampaignView.of(started, repository.counters(started.id(), started.runNo())))
        .location(URI.create("campaigns/" + started.id())).build();
  }
}
