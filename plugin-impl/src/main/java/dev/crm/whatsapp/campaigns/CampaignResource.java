package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.security.Permission;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.security.CurrentCaller;
import dev.crm.whatsapp.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One campaign: read, edit, delete, and its lifecycle actions (each a 409 naming the status when illegal). */
@Path("campaigns/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

  @Inject CurrentCaller caller;
  @Inject CampaignService service;
  @Inject CampaignRepository repository;
  @Inject RunSnapshot snapshot;

  @Inject
  @ConfigProperty(name = "wa.campaigns.throttle-per-minute", defaultValue = "100")
  int defaultThrottle;

  @PathParam("id") String id;

  @GET
  @RequiresPermission(Permission.CAMPAIGN_VIEW)
  public CampaignView get() {
    return view(repository.find(tenant(), id).orElseThrow(() -> ApiException.notFound("campaign")));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresPermission(Permission.CAMPAIGN_EDIT)
  public CampaignView update(@NotNull(message = "a JSON body is required") @Valid CampaignRequest request) {
    return view(service.update(tenant(), id, request.toSettings(defaultThrottle, false)));
  }

  @DELETE
  @RequiresPermission(Permission.CAMPAIGN_DELETE)
  public Response delete() {
    service.delete(tenant(), id);
    return Response.noContent().build();
  }

  @POST
  @Path("launch")
  @RequiresPermission(Permission.CAMPAIGN_START)
  public CampaignView launch() {
    return started(service.launch(tenant(), id));
  }

  @PUT
  @Path("schedule")
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresPermission(Permission.CAMPAIGN_START)
  public CampaignView schedule(@NotNull(message = "a JSON body is required") CampaignRequest.ScheduleRequest when) {
    return started(service.schedule(tenant(), id, when.toSchedule()));
  }

  @DELETE
  @Path("schedule")
  @RequiresPermission(Permission.CAMPAIGN_START)
  public CampaignView unschedule() {
    return view(service.unschedule(tenant(), id));
  }

  @POST
  @Path("pause")
  @RequiresPermission(Permission.CAMPAIGN_PAUSE)
  public CampaignView pause(@QueryParam("reason") @Size(max = 500, message = "is at most 500 characters")
      String reason) {
    return view(service.pause(tenant(), id, reason));
  }

  @POST
  @Path("resume")
  @RequiresPermission(Permission.CAMPAIGN_START)
  public CampaignView resume() {
    return view(service.resume(tenant(), id));
  }

  @POST
  @Path("cancel")
  @RequiresPermission(Permission.CAMPAIGN_CANCEL)
  public CampaignView cancel() {
    return view(service.cancel(tenant(), id));
  }

  /** {@code ?all=true} retries every failure but the undeliverable and opted-out; default only retryable ones. */
  @POST
  @Path("retry-failed")
  @RequiresPermission(Permission.CAMPAIGN_START)
  public CampaignView retryFailed(@QueryParam("all") boolean all) {
    return view(service.retryFailed(tenant(), id, all));
  }

  @POST
  @Path("clone")
  @RequiresPermission(Permission.CAMPAIGN_CREATE)
  public Response copy() {
    Campaign copy = service.copy(caller.get(), id);
    return Response.status(Response.Status.CREATED).entity(view(copy)).build();
  }

  /** {@code {"from": "failed" | "unresponsive" | "not_converted"}}. */
  public record FollowUpRequest(String from) {}

  /** A new draft from the latest run's failed, unresponsive or not-converted recipients. */
  @POST
  @Path("follow-up")
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresPermission(Permission.CAMPAIGN_CREATE)
  public Response followUp(@NotNull(message = "a JSON body is required") FollowUpRequest request) {
    if (request.from() == null || request.from().isBlank()) {
      throw ApiException.invalid("from", "is required: failed, unresponsive or not_converted");
    }
    Campaign draft = service.followUp(caller.get(), id, FollowUp.parse(request.from()));
    return Response.status(Response.Status.CREATED).entity(view(draft)).build();
  }

  private TenantId tenant() {
    return caller.get().tenant();
  }

  /** A run started by the call has its recipients written (in batches) before the answer. */
  private CampaignView started(Campaign campaign) {
    if (!campaign.snapshotPending()) {
      return view(campaign);
    }
    snapshot.complete(campaign.id());
    return view(repository.find(tenant(), campaign.id()).orElseThrow(() -> ApiException.notFound("campaign")));
  }

  private CampaignView view(Campaign campaign) {
    return CampaignView.of(campaign, repository.counters(campaign.id(), campaign.runNo()));
  }
}
