package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.platform.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Objects;

/**
 * What travels on the dispatch queue: ids only, as small JSON, never a serialised object. Everything
 * else is read from the database when the message is claimed.
 *
 * @param messageId the message to send
 * @param tenant its tenant
 */
public record DispatchRequest(String messageId, String tenant) {
  public DispatchRequest {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(tenant, "tenant");
  }

  public String toJson() {
    return Jsonp.createObjectBuilder().add("messageId", messageId).add("tenant", tenant).build().toString();
  }

  /** Reads a request; a body that is not one throws {@link IllegalArgumentException}. */
  public static DispatchRequest fromJson(String json) {
    try (JsonReader reader = Jsonp.createReader(new StringReader(json))) {
      JsonObject object = reader.readObject();
      return new DispatchRequest(object.getString("messageId"), object.getString("tenant"));
    } catch (RuntimeException notARequest) {
      throw new IllegalArgumentException("not a dispatch request", notARequest);
    }
  }

  /** The duplicate-detection id: Artemis drops a second publication of the same message. */
  public String duplicateId() {
    return "message:" + messageId;
  }
}
