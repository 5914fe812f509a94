package dev.crm.whatsapp.webhooks;

import dev.crm.whatsapp.platform.Jsonp;
import dev.crm.whatsapp.api.MessageStatus;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Reads one WAHA webhook, {@code {"event", "session", "timestamp" (ms), "payload"}}, into what this
 * version acts on: {@code message.ack} (ack -1 ERROR, 0 PENDING, 1 SERVER, 2 DEVICE, 3 READ, 4 PLAYED),
 * {@code message} (an inbound message from a person's chat) and {@code session.status}. Anything else,
 * and messages from groups, channels or status broadcasts, is {@link Ignored}.
 */
final class WahaWebhookParser {

  /** What a gateway webhook says. */
  sealed interface GatewayEvent {}

  /** A status of one of our messages. */
  record Ack(String session, String providerMessageId, MessageStatus status, OffsetDateTime at)
      implements GatewayEvent {}

  /** A message a person sent to the session's number. */
  record Inbound(String session, String fromDigits, String providerMessageId, String type, String text,
      String profileName, OffsetDateTime at) implements GatewayEvent {}

  /** The session's new status. */
  record SessionStatus(String session, String status, OffsetDateTime at) implements GatewayEvent {}

  /** Nothing this version acts on, and why. */
  record Ignored(String why) implements GatewayEvent {}

  private WahaWebhookParser() {}

  /** @throws IllegalArgumentException when the body is not a WAHA event */
  static GatewayEvent parse(byte[] body, OffsetDateTime receivedAt) {
    JsonObject event;
    try (JsonReader reader = Jsonp.createReader(new ByteArrayInputStream(body))) {
      event = reader.readObject();
    } catch (RuntimeException notJson) {
      throw new IllegalArgumentException("not a JSON object");
    }
    String name = text(event, "event").orElseThrow(() -> new IllegalArgumentException("no event"));
    String session = text(event, "session").orElse(null);
    JsonObject payload = event.get("payload") instanceof JsonObject p ? p : null;
    if (payload == null) {
      throw new IllegalArgumentException("no payload");
    }
    OffsetDateTime at = millis(event, "timestamp").orElse(receivedAt);
    return switch (name) {
      case "message.ack" -> ack(session, payload, at);
      case "message" -> inbound(session, payload, at);
      case "session.status" -> text(payload, "status").<GatewayEvent>map(s -> new SessionStatus(session, s, at))
          .orElse(new Ignored("session.status without a status"));
      default -> new Ignored("event " + name + " is not used");
    };
  }

  private static GatewayEvent ack(String session, JsonObject payload, OffsetDateTime at) {
    Optional<String> id = text(payload, "id");
    if (id.isEmpty() || payload.get("fromMe") == JsonValue.FALSE) {
      return new Ignored("an ack of a message we did not send");
    }
    String ackName = text(payload, "ackName").orElseGet(() -> ackName(payload));
    MessageStatus status = switch (ackName) {
      case "ERROR" -> MessageStatus.FAILED;
      case "SERVER" -> MessageStatus.SENT;
      case "DEVICE" -> MessageStatus.DELIVERED;
      case "READ", "PLAYED" -> MessageStatus.READ;
      default -> null; // PENDING: nothing happened yet
    };
    return status == null ? new Ignored("ack " + ackName) : new Ack(session, id.get(), status, at);
  }

  private static String ackName(JsonObject payload) {
    if (!(payload.get("ack") instanceof JsonNumber ack)) {
      return "UNKNOWN";
    }
    return switch (ack.intValue()) {
      case -1 -> "ERROR";
      case 0 -> "PENDING";
      case 1 -> "SERVER";
      case 2 -> "DEVICE";
      case 3 -> "READ";
      case 4 -> "PLAYED";
      default -> "UNKNOWN";
    };
  }

  private static GatewayEvent inbound(String session, JsonObject payload, OffsetDateTime at) {
    Optional<String> id = text(payload, "id");
    Optional<String> from = text(payload, "from");
    if (id.isEmpty() || from.isEmpty() || payload.get("fromMe") == JsonValue.TRUE) {
      return new Ignored("not a message from a person");
    }
    String jid = from.get();
    int at_ = jid.indexOf('@');
    String domain = at_ < 0 ? "" : jid.substring(at_ + 1);
    if (!"c.us".equals(domain) && !"s.whatsapp.net".equals(domain)) {
      return new Ignored("a message from a group, channel or broadcast");
    }
    String digits = jid.substring(0, at_);
    String mime = payload.get("media") instanceof JsonObject media ? text(media, "mimetype").orElse("") : "";
    boolean hasMedia = payload.get("hasMedia") == JsonValue.TRUE;
    String type = !hasMedia ? "text" : mime.startsWith("image/") ? "image" : mime.startsWith("video/") ? "video"
        : mime.startsWith("audio/") ? "audio" : "document";
    String text = text(payload, "body").filter(b -> !b.isBlank()).orElse(hasMedia ? "[" + type + "]" : null);
    String profile = payload.get("_data") instanceof JsonObject data ? text(data, "notifyName").orElse(null) : null;
    OffsetDateTime sentAt = seconds(payload, "timestamp").orElse(at);
    return new Inbound(session, digits, id.get(), type, text, profile, sentAt);
  }

  private static Optional<String> text(JsonObject object, String field) {
    return object.get(field) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
  }

  private static Optional<OffsetDateTime> millis(JsonObject object, String field) {
    return object.get(field) instanceof JsonNumber n
        ? Optional.of(Instant.ofEpochMilli(n.longValue()).atOffset(ZoneOffset.UTC)) : Optional.empty();
  }

  private static Optional<OffsetDateTime> seconds(JsonObject object, String field) {
    return object.get(field) instanceof JsonNumber n
        ? Optional.of(Instant.ofEpochSecond(n.longValue()).atOffset(ZoneOffset.UTC)) : Optional.empty();
  }
}
