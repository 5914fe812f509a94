package dev.crm.whatsapp.analytics;

import dev.crm.whatsapp.api.security.Permission;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.security.Caller;
import dev.crm.whatsapp.security.CurrentCaller;
import dev.crm.whatsapp.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;

/**
 * {@code GET /campaigns/{id}/export}: the campaign as CSV, streamed. Phones are whole only for callers with
 * the settings-admin permission (who already see phones in the consent registry), masked for the others.
 */
@Path("campaigns/{id}/export")
@RequestScoped
public class CampaignExportResource {

  @Inject CurrentCaller caller;
  @Inject CampaignExport export;

  @GET
  @Produces("text/csv")
  @RequiresPermission(Permission.CAMPAIGN_VIEW)
  public Response export(@PathParam("id") String id) {
    Caller who = caller.get();
    List<String[]> details = export.details(who.tenant(), id).orElseThrow(() -> ApiException.notFound("campaign"));
    boolean fullPhones = who.may(Permission.SETTINGS_ADMIN);
    StreamingOutput body = out -> export.write(id, details, fullPhones, out);
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"campaign-" + id.replaceAll("[^A-Za-z0-9-]", "")
            + ".csv\"")
        .build();
  }
}
