package dev.crm.whatsapp.webhooks;

import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.security.PublicEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Cloud API webhook (the sandbox posts here too): the GET verification handshake and signed POSTs.
 * A POST is verified over its raw bytes, stored, answered 200, and applied; an unsigned or forged one is
 * answered 401 and leaves nothing behind.
 */
@Path("webhooks/whatsapp")
@RequestScoped
public class WhatsAppWebhookResource {
  private static final Logger LOG = Logger.getLogger(WhatsAppWebhookResource.class.getName());
  static final int MAX_BODY_BYTES = 3 * 1024 * 1024;

  @Inject WebhookSecrets secrets;
  @Inject WebhookEvents events;
  @Inject RefusedWebhooks refused;

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  @PublicEndpoint(because = "Meta's verification handshake; authenticated by the verify token")
  public Response verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
      @QueryParam("hub.challenge") String challenge) {
    boolean tokenMatches = token != null && secrets.verifyToken()
        .map(expected -> MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
            token.getBytes(StandardCharsets.UTF_8)))
        .orElse(false);
    if (!"subscribe".equals(mode) || !tokenMatches || challenge == null) {
      throw new ApiException(Status.FORBIDDEN, "forbidden", "hub.verify_token", "verification refused");
    }
    return Response.ok(challenge, MediaType.TEXT_PLAIN_TYPE).build();
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @PublicEndpoint(because = "authenticated by X-Hub-Signature-256 over the raw body")
  public Response receive(@HeaderParam("X-Hub-Signature-256") String signature, InputStream body)
      throws IOException {
    byte[] raw = body.readNBytes(MAX_BODY_BYTES + 1);
    if (raw.length > MAX_BODY_BYTES) {
      refused.count("too_large");
      throw new ApiException(Status.REQUEST_ENTITY_TOO_LARGE, "too_large", "body", "a webhook body is at most 3 MB");
    }
    if (!WebhookSignature.isValid(secrets.appSecret(), raw, signature)) {
      refused.count(secrets.appSecret().isEmpty() ? "no_secret" : "invalid_signature");
      throw new ApiException(Status.UNAUTHORIZED, "invalid_signature", "X-Hub-Signature-256",
          "the signature is missing or does not match the body");
    }
    String eventId = events.store("cloud-api", raw);
    try {
      events.process(eventId);
    } catch (RuntimeException e) {
      // Stored already: the retry applies it later. The provider must still hear 200.
      LOG.log(Level.WARNING, "Webhook event " + eventId + " stored but not applied yet", e);
      events.recordFailure(eventId, e);
    }
    return Response.ok("{\"received\":true}").build();
  }
}
