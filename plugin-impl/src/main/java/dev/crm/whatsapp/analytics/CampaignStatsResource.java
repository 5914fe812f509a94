package dev.crm.whatsapp.analytics;

import dev.crm.whatsapp.api.security.Permission;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.security.CurrentCaller;
import dev.crm.whatsapp.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A campaign's statistics ({@code ?bucket=hour|day}, {@code ?run=} for one run); see docs/analytics.md. */
@Path("campaigns/{id}/stats")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CampaignStatsResource {

  @Inject CurrentCaller caller;
  @Inject CampaignStatistics statistics;

  @GET
  @RequiresPermission(Permission.CAMPAIGN_VIEW)
  public StatsView stats(@PathParam("id") String id, @QueryParam("bucket") String bucket,
      @QueryParam("run") String run) {
    return statistics.stats(caller.get().tenant(), id, TimeBucket.parse(bucket), parseRun(run))
        .orElseThrow(() -> ApiException.notFound("campaign"));
  }

  private static Integer parseRun(String run) {
    if (run == null || run.isBlank()) {
      return null;
    }
    try {
      int value = Integer.parseInt(run.trim());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalid("run", "is a run number, 0 or more");
  }
}
