package dev.crm.whatsapp.providers.gateway;

import dev.crm.whatsapp.platform.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one gateway sender: the WAHA server, its API key, the session (one linked WhatsApp
 * number) and the key WAHA signs its webhooks with. Stored as one JSON object in the account's sealed
 * credentials, so the API key and HMAC key are encrypted like every other provider secret.
 *
 * @param baseUrl the WAHA server, e.g. {@code http://waha:3000}
 * @param apiKey sent as {@code X-Api-Key}; empty when the server runs without one
 * @param session the WAHA session name, e.g. {@code default}
 * @param webhookHmacKey WAHA's {@code config.webhooks[].hmac.key}; webhooks are refused without it
 */
public record GatewayConfig(URI baseUrl, Optional<String> apiKey, String session, Optional<String> webhookHmacKey) {

  public GatewayConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(session, "session");
    apiKey = apiKey.filter(k -> !k.isBlank());
    webhookHmacKey = webhookHmacKey.filter(k -> !k.isBlank());
  }

  /**
   * Reads the credentials JSON {@code {"baseUrl","apiKey","session","webhookHmacKey"}}.
   *
   * @throws IllegalArgumentException naming the field that is missing or wrong
   */
  public static GatewayConfig parse(String json) {
    JsonObject object;
    try (JsonReader reader = Jsonp.createReader(new StringReader(json))) {
      object = reader.readObject();
    } catch (RuntimeException notJson) {
      throw new IllegalArgumentException("are a JSON object {baseUrl, apiKey, session, webhookHmacKey}");
    }
    String base = string(object, "baseUrl").orElseThrow(() -> new IllegalArgumentException("need baseUrl"));
    URI uri;
    try {
      uri = URI.create(base.endsWith("/") ? base : base + "/");
    } catch (IllegalArgumentException bad) {
      throw new IllegalArgumentException("baseUrl is not a URL");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("baseUrl is an http or https URL");
    }
    String session = string(object, "session").orElse("default");
    if (!session.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("session is 1 to 64 letters, digits, '_' or '-'");
    }
    return new GatewayConfig(uri, string(object, "apiKey"), session, string(object, "webhookHmacKey"));
  }

  /** The JSON {@link #parse(String)} reads. */
  public String toJson() {
    JsonObjectBuilder json = Jsonp.createObjectBuilder().add("baseUrl", baseUrl.toString()).add("session", session);
    apiKey.ifPresent(k -> json.add("apiKey", k));
    webhookHmacKey.ifPresent(k -> json.add("webhookHmacKey", k));
    return json.build().toString();
  }

  /** {@code {baseUrl}/api/{path}}. */
  URI api(String path) {
    return baseUrl.resolve("api/" + path);
  }

  private static Optional<String> string(JsonObject object, String field) {
    return object.get(field) instanceof JsonString s && !s.getString().isBlank()
        ? Optional.of(s.getString().trim()) : Optional.empty();
  }

  @Override
  public String toString() {
    return "GatewayConfig[" + baseUrl + ", session=" + session + "]"; // never the keys
  }
}
