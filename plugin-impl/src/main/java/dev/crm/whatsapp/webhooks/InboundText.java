package dev.crm.whatsapp.webhooks;

import static dev.crm.whatsapp.webhooks.CloudApiWebhookParser.text;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What a rep reads of an inbound message of any type: the text, a button's label, the chosen reply, the
 * emoji of a reaction, a media caption (or the media kind), a location's name.
 */
final class InboundText {

  private InboundText() {}

  static Optional<InboundMessage> toInbound(String phoneNumberId, JsonObject message, String profile,
      OffsetDateTime receivedAt) {
    Optional<String> from = text(message, "from");
    Optional<String> id = text(message, "id");
    if (from.isEmpty() || id.isEmpty()) {
      return Optional.empty();
    }
    String type = text(message, "type").orElse("unknown");
    return Optional.of(new InboundMessage(phoneNumberId, from.get(), id.get(), type, readable(type, message),
        profile, CloudApiWebhookParser.time(message, receivedAt)));
  }

  static String readable(String type, JsonObject message) {
    JsonObject part = message.get(type) instanceof JsonObject p ? p : null;
    if (part == null) {
      return null;
    }
    switch (type) {
      case "text":
        return text(part, "body").orElse(null);
      case "button":
        return text(part, "text").or(() -> text(part, "payload")).orElse(null);
      case "interactive":
        for (String reply : new String[] {"button_reply", "list_reply", "nfm_reply"}) {
          if (part.get(reply) instanceof JsonObject chosen) {
            return text(chosen, "title").or(() -> text(chosen, "body")).orElse(null);
          }
        }
        return null;
      case "reaction":
        return text(part, "emoji").orElse(null);
      case "location":
        return text(part, "name").or(() -> text(part, "address")).orElseGet(() -> coordinates(part));
      case "image":
      case "video":
      case "document":
      case "audio":
      case "sticker":
        return text(part, "caption").or(() -> text(part, "filename")).orElse("[" + type + "]");
      default:
        return null;
    }
  }

  private static String coordinates(JsonObject location) {
    if (location.get("latitude") instanceof JsonNumber lat && location.get("longitude") instanceof JsonNumber lon) {
      return lat.doubleValue() + "," + lon.doubleValue();
    }
    return null;
  }
}
