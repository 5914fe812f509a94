package dev.crm.whatsapp.providers.gateway;

import dev.crm.whatsapp.platform.Jsonp;
import dev.crm.whatsapp.api.provider.SendOutcome;
import dev.crm.whatsapp.dispatch.ErrorPolicy;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Optional;

/**
 * Reads WAHA's answer to a send. A 2xx carries the sent message, whose id WAHA repeats in its
 * {@code message.ack} webhooks: {@code id._serialized} (WEBJS), a plain {@code id}, or, for engines that
 * answer with the raw WhatsApp key, {@code true_<chatId>_<key.id>}. Errors WAHA raises before anything
 * reaches WhatsApp (bad request, wrong API key, session not found or not {@code WORKING}, rate limit) prove
 * the message was not sent; a server error may come after WhatsApp Web took it, so it is uncertain.
 */
final class WahaAnswer {

  private WahaAnswer() {}

  static SendOutcome read(int status, String body, String chatId) {
    Optional<JsonObject> json = object(body);
    if (status >= 200 && status < 300) {
      return json.flatMap(j -> messageId(j, chatId)).<SendOutcome>map(SendOutcome.Accepted::new)
          .orElseGet(() -> new SendOutcome.Uncertain("the gateway answered " + status + " without a message id"));
    }
    String message = json.flatMap(j -> text(j, "message").or(() -> text(j, "error"))).orElse("HTTP " + status);
    return switch (status) {
      case 401, 403 -> new SendOutcome.Rejected(ErrorPolicy.GATEWAY_AUTH, "the gateway refused the API key", true);
      case 404 -> new SendOutcome.Rejected(ErrorPolicy.GATEWAY_SESSION_DOWN, "gateway session not found", true);
      case 422 -> json.flatMap(j -> text(j, "status"))
          .<SendOutcome>map(s -> new SendOutcome.Rejected(ErrorPolicy.GATEWAY_SESSION_DOWN,
              "gateway session is " + s + ", not WORKING", true))
          .orElseGet(() -> new SendOutcome.Rejected(100, shorten(message), true));
      case 400 -> new SendOutcome.Rejected(100, shorten(message), true);
      case 429 -> new SendOutcome.Rejected(130429, "the gateway is rate limiting", true);
      default -> new SendOutcome.Uncertain("the gateway answered HTTP " + status);
    };
  }

  static Optional<String> messageId(JsonObject sent, String chatId) {
    if (sent.get("id") instanceof JsonObject id) {
      return text(id, "_serialized");
    }
    Optional<String> plain = text(sent, "id");
    if (plain.isPresent()) {
      return plain;
    }
    if (sent.get("key") instanceof JsonObject key) {
      return text(key, "id").map(k -> "true_" + chatId + "_" + k);
    }
    return Optional.empty();
  }

  static Optional<JsonObject> object(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try (JsonReader reader = Jsonp.createReader(new StringReader(body))) {
      return Optional.of(reader.readObject());
    } catch (RuntimeException notJson) {
      return Optional.empty();
    }
  }

  static Optional<String> text(JsonObject object, String field) {
    return object.get(field) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
  }

  private static String shorten(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200);
  }
}
