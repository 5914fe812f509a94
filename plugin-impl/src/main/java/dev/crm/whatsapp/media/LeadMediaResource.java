package dev.crm.whatsapp.media;

import dev.crm.whatsapp.api.security.Permission;
import dev.crm.whatsapp.leads.LeadLookup;
import dev.crm.whatsapp.security.Caller;
import dev.crm.whatsapp.security.CurrentCaller;
import dev.crm.whatsapp.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * A file to send to a lead, uploaded as the raw request body with its own Content-Type (as a browser's
 * {@code fetch(url, {body: file})} sends it) and its name in {@code ?filename=}; answered 201 with the
 * upload's id, which {@code POST /leads/{leadId}/messages} then sends as {@code {"media": {"id": ...}}}.
 */
@Path("leads/{leadId}/media")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LeadMediaResource {

  @Inject CurrentCaller caller;
  @Inject LeadLookup leads;
  @Inject LeadMedia media;

  @PathParam("leadId") String leadId;

  @POST
  @Consumes(MediaType.WILDCARD)
  @RequiresPermission(Permission.SEND)
  public Response upload(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, @QueryParam("filename") String filename,
      InputStream body) {
    Caller who = caller.get();
    var lead = leads.require(who.tenant(), leadId);
    MediaView stored = media.upload(who.tenant(), lead.id(), who.user(), contentType, length, filename, body);
    return Response.status(Response.Status.CREATED).entity(stored).build();
  }
}
