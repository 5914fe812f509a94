package dev.crm.whatsapp.analytics;

import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.security.Permission;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.security.AcceptsQueryToken;
import dev.crm.whatsapp.security.CurrentCaller;
import dev.crm.whatsapp.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code GET /campaigns/{id}/progress}: server-sent {@code progress} events, at most one a second, until the
 * campaign ends. The token may come as {@code ?access_token=} for EventSource.
 */
@Path("campaigns/{id}/progress")
@RequestScoped
public class CampaignProgressResource {

  @Inject CurrentCaller caller;
  @Inject CampaignProgress progress;
  @Inject ProgressStreams streams;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RequiresPermission(Permission.CAMPAIGN_VIEW)
  @AcceptsQueryToken
  public void progress(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse) {
    TenantId tenant = caller.get().tenant();
    if (!progress.exists(tenant, id)) {
      throw ApiException.notFound("campaign"); // mapped like any error: the stream was not started
    }
    streams.listen(tenant, id, sink, sse);
  }
}
