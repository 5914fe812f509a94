package dev.crm.whatsapp.media;

import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.security.PublicEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the provider fetches an attachment: a signed, expiring link, since neither WhatsApp nor the WAHA
 * gateway can send our bearer token. A wrong, expired or tampered link is 404, the same as a missing file,
 * so a link tells nothing about other uploads. The name segment is for the fetcher's benefit and not checked.
 */
@Path("media/{id}/{name}")
@RequestScoped
public class MediaLinkResource {

  @Inject LeadMedia media;

  @GET
  @PublicEndpoint(because = "the provider fetches the file by link; the link's signature and expiry authorise it")
  public Response fetch(@PathParam("id") String id, @QueryParam("expires") long expires,
      @QueryParam("signature") String signature) {
    StoredMedia file = media.forLink(id, expires, signature)
        .orElseThrow(() -> ApiException.notFound("media (or its link has expired)"));
    String name = URLEncoder.encode(file.filename(), StandardCharsets.UTF_8).replace("+", "%20");
    return Response.ok(file.content(), file.mimeType())
        .header("Content-Disposition", "inline; filename*=UTF-8''" + name)
        .header("Cache-Control", "private, max-age=3600")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }
}
