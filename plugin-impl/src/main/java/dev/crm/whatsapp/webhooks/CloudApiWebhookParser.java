package dev.crm.whatsapp.webhooks;

import dev.crm.whatsapp.api.MessageStatus;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the status items out of a Cloud API webhook body: every entry, every change of field
 * {@code messages}, every status. Items this version does not understand are skipped, never fatal;
 * a body that is not JSON at all throws {@link IllegalArgumentException}.
 */
public final class CloudApiWebhookParser {
  private static final Set<MessageStatus> REPORTED =
      Set.of(MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.READ, MessageStatus.FAILED);

  private CloudApiWebhookParser() {}

  /**
   * @param receivedAt when the body arrived: the time of a status whose own timestamp is missing or unreadable
   */
  public static List<StatusUpdate> statuses(byte[] body, OffsetDateTime receivedAt) {
    JsonObject root;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      root = reader.readObject();
    } catch (RuntimeException notJson) {
      throw new IllegalArgumentException("the webhook body is not a JSON object", notJson);
    }
    List<StatusUpdate> updates = new ArrayList<>();
    for (JsonObject entry : objects(root, "entry")) {
      for (JsonObject change : objects(entry, "changes")) {
        if (!"messages".equals(text(change, "field").orElse(null))) {
          continue;
        }
        JsonObject value = change.get("value") instanceof JsonObject v ? v : JsonValue.EMPTY_JSON_OBJECT;
        for (JsonObject status : objects(value, "statuses")) {
          toUpdate(status, receivedAt).ifPresent(updates::add);
        }
      }
    }
    return updates;
  }

  private static Optional<StatusUpdate> toUpdate(JsonObject status, OffsetDateTime receivedAt) {
    Optional<String> id = text(status, "id");
    Optional<MessageStatus> kind = text(status, "status").flatMap(MessageStatus::fromWire).filter(REPORTED::contains);
    if (id.isEmpty() || kind.isEmpty()) {
      return Optional.empty();
    }
    OffsetDateTime at = text(status, "timestamp").flatMap(CloudApiWebhookParser::epochSeconds)
        .orElse(receivedAt);
    Integer code = null;
    String title = null;
    List<JsonObject> errors = objects(status, "errors");
    if (!errors.isEmpty()) {
      JsonObject error = errors.get(0);
      code = error.get("code") instanceof jakarta.json.JsonNumber n ? n.intValue() : null;
      title = text(error, "title").or(() -> text(error, "message")).orElse(null);
    }
    return Optional.of(new StatusUpdate(id.get(), kind.get(), at, text(status, "biz_opaque_callback_data"),
        code, title));
  }

  private static Optional<OffsetDateTime> epochSeconds(String text) {
    try {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(text.trim())).atOffset(ZoneOffset.UTC));
    } catch (RuntimeException notEpochSeconds) {
      return Optional.empty();
    }
  }

  private static List<JsonObject> objects(JsonObject parent, String name) {
    if (!(parent.get(name) instanceof JsonArray array)) {
      return List.of();
    }
    return array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
  }

  private static Optional<String> text(JsonObject parent, String name) {
    return parent.get(name) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
  }
}
