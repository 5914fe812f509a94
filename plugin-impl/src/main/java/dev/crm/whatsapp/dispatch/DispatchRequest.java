package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.platform.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Objects;
import java.util.Optional;

/**
 * What travels on the dispatch queue: ids only, as small JSON, never a serialised object. Everything
 * else is read from the database when the message is claimed.
 *
 * @param messageId the message to send
 * @param tenant its tenant
 * @param preferredAccount the sender account it should leave from when that number is usable (a
 *     campaign's choice), else empty
 */
public record DispatchRequest(String messageId, String tenant, Optional<String> preferredAccount) {
  public DispatchRequest {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(preferredAccount, "preferredAccount");
  }

  public DispatchRequest(String messageId, String tenant) {
    this(messageId, tenant, Optional.empty());
  }

  public String toJson() {
    var json = Jsonp.createObjectBuilder().add("messageId", messageId).add("tenant", tenant);
    preferredAccount.ifPresent(account -> json.add("account", account));
    return json.build().toString();
  }

  /** Reads a request; a body that is not one throws {@link IllegalArgumentException}. */
  public static DispatchRequest fromJson(String json) {
    try (JsonReader reader = Jsonp.createReader(new StringReader(json))) {
      JsonObject object = reader.readObject();
      return new DispatchRequest(object.getString("messageId"), object.getString("tenant"),
          Optional.ofNullable(object.getString("account", null)));
    } catch (RuntimeException notARequest) {
      throw new IllegalArgumentException("not a dispatch request", notARequest);
    }
  }

  /** The duplicate-detection id: Artemis drops a second publication of the same message. */
  public String duplicateId() {
    return "message:" + messageId;
  }
}
