package dev.crm.whatsapp.webhooks;

import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.security.PublicEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The webhook a WAHA session posts to, one URL per gateway sender account. A POST is verified over its
 * raw bytes against the account's HMAC key, stored, answered 200, then applied; an unknown account, an
 * account without an HMAC key, or a missing or wrong signature is answered 401 and leaves nothing behind
 * (the same answer for all, so the URL does not tell which accounts exist).
 */
@Path("webhooks/gateway/{accountId}")
@RequestScoped
public class GatewayWebhookResource {
  private static final Logger LOG = Logger.getLogger(GatewayWebhookResource.class.getName());

  @Inject GatewayWebhookKeys keys;
  @Inject WebhookEvents events;
  @Inject RefusedWebhooks refused;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @PublicEndpoint(because = "authenticated by X-Webhook-Hmac (HMAC-SHA512 of the raw body under the account's key)")
  public Response receive(@PathParam("accountId") String accountId,
      @HeaderParam(GatewayWebhookSignature.HEADER) String signature,
      @HeaderParam(GatewayWebhookSignature.ALGORITHM_HEADER) String algorithm, InputStream body) throws IOException {
    byte[] raw = body.readNBytes(WhatsAppWebhookResource.MAX_BODY_BYTES + 1);
    if (raw.length > WhatsAppWebhookResource.MAX_BODY_BYTES) {
      refused.count("too_large");
      throw new ApiException(Status.REQUEST_ENTITY_TOO_LARGE, "too_large", "body", "a webhook body is at most 3 MB");
    }
    accept(accountId, raw, signature, algorithm);
    return Response.ok("{\"received\":true}").build();
  }

  /** Verifies, stores and applies one webhook body; throws 401 for a body that is not the account's. */
  void accept(String accountId, byte[] raw, String signature, String algorithm) {
    String key = keys.hmacKeyOf(accountId).orElse(null);
    if (!GatewayWebhookSignature.isValid(key, raw, signature, algorithm)) {
      refused.count(key == null ? "no_secret" : "invalid_signature");
      throw new ApiException(Status.UNAUTHORIZED, "invalid_signature", GatewayWebhookSignature.HEADER,
          "the signature is missing or does not match the body");
    }
    String eventId = events.store(GatewayWebhooks.SOURCE_PREFIX + accountId, raw);
    try {
      events.process(eventId);
    } catch (RuntimeException e) {
      // Stored already: the retry applies it later. The gateway must still hear 200.
      LOG.log(Level.WARNING, "Gateway webhook event " + eventId + " stored but not applied yet", e);
      events.recordFailure(eventId, e);
    }
  }
}
