package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.api.security.Permission;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.security.CurrentCaller;
import dev.crm.whatsapp.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Campaigns of the caller's tenant: list (newest first) and create (as a draft). */
@Path("campaigns")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CampaignsResource {

  /** One page of campaigns. */
  public record CampaignPage(List<CampaignView> items, long total, int page, int size) {}

  @Inject CurrentCaller caller;
  @Inject CampaignService service;
  @Inject CampaignRepository repository;

  @Inject
  @ConfigProperty(name = "wa.campaigns.throttle-per-minute", defaultValue = "100")
  int defaultThrottle;

  @GET
  @RequiresPermission(Permission.CAMPAIGN_LIST)
  public CampaignPage list(@QueryParam("status") String status,
      @QueryParam("q") @Size(max = 200, message = "is at most 200 characters") String text,
      @QueryParam("createdFrom") String from, @QueryParam("createdTo") String to,
      @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "is at least 0") int page,
      @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "is at least 1")
          @Max(value = 200, message = "is at most 200") int size) {
    CampaignRepository.Page found = repository.list(caller.get().tenant(), status(status), text,
        time("createdFrom", from), time("createdTo", to), page, size);
    return new CampaignPage(found.items().stream()
        .map(c -> CampaignView.of(c, repository.counters(c.id(), c.runNo()))).toList(), found.total(), page, size);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresPermission(Permission.CAMPAIGN_CREATE)
  public Response create(@NotNull(message = "a JSON body is required") @Valid CampaignRequest request) {
    Campaign created = service.create(caller.get(), request.toSettings(defaultThrottle, false));
    return Response.status(Response.Status.CREATED)
        .entity(CampaignView.of(created, repository.counters(created.id(), 0))).build();
  }

  static CampaignStatus status(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return CampaignStatus.valueOf(text.trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("status", "is one of draft, scheduled, running, paused, completed, cancelled, failed");
    }
  }

  private static OffsetDateTime time(String field, String text) {
    try {
      return text == null || text.isBlank() ? null : OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(field, "is an ISO date-time with offset, e.g. 2026-03-01T00:00:00Z");
    }
  }
}
