package dev.crm.whatsapp.webhooks;

import dev.crm.whatsapp.platform.Jsonp;
import dev.crm.whatsapp.api.MessageStatus;
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
 * Reads a Cloud API webhook body: every entry, every change; of field {@code messages} its statuses and
 * inbound messages, of field {@code user_preferences} the marketing preference changes. Items this
 * version does not understand are skipped, never fatal; a body that is not JSON at all throws
 * {@link IllegalArgumentException}.
 */
public final class CloudApiWebhookParser {
  private static final Set<MessageStatus> REPORTED =
      Set.of(MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.READ, MessageStatus.FAILED);

  private CloudApiWebhookParser() {}

  /**
   * @param receivedAt when the body arrived: the time of a status whose own timestamp is missing or unreadable
   */
  public static List<StatusUpdate> statuses(byte[] body, OffsetDateTime receivedAt) {
    return parse(body, receivedAt).statuses();
  }

  /**
   * @param receivedAt when the body arrived: the time of an item whose own timestamp is missing or unreadable
   */
  public static WebhookContent parse(byte[] body, OffsetDateTime receivedAt) {
    JsonObject root;
    try (JsonReader reader = Jsonp.createReader(new ByteArrayInputStream(body))) {
      root = reader.readObject();
    } catch (RuntimeException notJson) {
      throw new IllegalArgumentException("the webhook body is not a JSON object", notJson);
    }
    List<StatusUpdate> updates = new ArrayList<>();
    List<InboundMessage> inbound = new ArrayList<>();
    List<PreferenceChange> preferences = new ArrayList<>();
    for (JsonObject entry : objects(root, "entry")) {
      for (JsonObject change : objects(entry, "changes")) {
        String field = text(change, "field").orElse("");
        JsonObject value = change.get("value") instanceof JsonObject v ? v : JsonValue.EMPTY_JSON_OBJECT;
        String phoneNumberId = value.get("metadata") instanceof JsonObject m
            ? text(m, "phone_number_id").orElse(null) : null;
        if ("messages".equals(field)) {
          for (JsonObject status : objects(value, "statuses")) {
            toUpdate(status, receivedAt).ifPresent(updates::add);
          }
          String profile = objects(value, "contacts").stream().findFirst()
              .flatMap(c -> c.get("profile") instanceof JsonObject p ? text(p, "name") : Optional.empty())
              .orElse(null);
          for (JsonObject message : objects(value, "messages")) {
            InboundText.toInbound(phoneNumberId, message, profile, receivedAt).ifPresent(inbound::add);
          }
        } else if ("user_preferences".equals(field)) {
          for (JsonObject preference : objects(value, "user_preferences")) {
            toPreference(phoneNumberId, preference, receivedAt).ifPresent(preferences::add);
          }
        }
      }
    }
    return new WebhookContent(updates, inbound, preferences);
  }

  private static Optional<PreferenceChange> toPreference(String phoneNumberId, JsonObject item,
      OffsetDateTime receivedAt) {
    Optional<String> waId = text(item, "wa_id");
    Optional<String> choice = text(item, "value").map(v -> v.toLowerCase(java.util.Locale.ROOT));
    boolean marketing = text(item, "category").map("marketing_messages"::equals).orElse(true);
    if (waId.isEmpty() || choice.isEmpty() || !marketing
        || !(choice.get().equals("stop") || choice.get().equals("resume"))) {
      return Optional.empty();
    }
    return Optional.of(new PreferenceChange(phoneNumberId, waId.get(), choice.get().equals("stop"),
        text(item, "detail").orElse(null), time(item, receivedAt)));
  }

  static OffsetDateTime time(JsonObject item, OffsetDateTime receivedAt) {
    if (item.get("timestamp") instanceof jakarta.json.JsonNumber n) {
      // Through the same guarded parse as text: a number beyond what a date can hold (found by fuzzing)
      // would otherwise throw and leave every other item of the body unapplied.
      return epochSeconds(n.toString()).orElse(receivedAt);
    }
    return text(item, "timestamp").flatMap(CloudApiWebhookParser::epochSeconds).orElse(receivedAt);
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
    String category = status.get("pricing") instanceof JsonObject pricing
        ? text(pricing, "category").orElse(null) : null;
    return Optional.of(new StatusUpdate(id.get(), kind.get(), at, text(status, "biz_opaque_callback_data"),
        code, title, category, text(status, "recipient_id").orElse(null)));
  }

  private static Optional<OffsetDateTime> epochSeconds(String text) {
    try {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(text.trim())).atOffset(ZoneOffset.UTC));
    } catch (RuntimeException notEpochSeconds) {
      return Optional.empty();
    }
  }

  static List<JsonObject> objects(JsonObject parent, String name) {
    if (!(parent.get(name) instanceof JsonArray array)) {
      return List.of();
    }
    return array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
  }

  static Optional<String> text(JsonObject parent, String name) {
    return parent.get(name) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
  }
}
