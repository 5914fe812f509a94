package dev.crm.whatsapp.providers.cloudapi;

import dev.crm.whatsapp.platform.Jsonp;
import dev.crm.whatsapp.api.provider.SendOutcome;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * Reads the Graph API's answer to a send into a {@link SendOutcome}. A {@code messages[0].id} is an
 * acceptance; a Graph error object ({@code error.code}) is a refusal that proves the message was not
 * processed (Meta issued no message id for it); anything else — a proxy's error page, an empty or cut
 * body — is uncertain, because the request did reach something. Only the code and Meta's short message
 * are kept, never the whole answer.
 */
final class CloudApiAnswer {
  private static final int MAX_TITLE = 200;

  private CloudApiAnswer() {}

  static SendOutcome read(int httpStatus, String body) {
    JsonObject json = parse(body);
    if (json == null) {
      return new SendOutcome.Uncertain("HTTP " + httpStatus + " without a Graph API body");
    }
    if (httpStatus / 100 == 2) {
      String id = messageId(json);
      return id != null ? new SendOutcome.Accepted(id)
          : new SendOutcome.Uncertain("HTTP " + httpStatus + " without a message id");
    }
    JsonValue error = json.get("error");
    if (error instanceof JsonObject errorObject && errorObject.get("code") != null
        && errorObject.get("code").getValueType() == JsonValue.ValueType.NUMBER) {
      int code = errorObject.getInt("code");
      return new SendOutcome.Rejected(code, title(errorObject), true);
    }
    return new SendOutcome.Uncertain("HTTP " + httpStatus + " without a Graph API error code");
  }

  private static String messageId(JsonObject json) {
    JsonValue messages = json.get("messages");
    if (!(messages instanceof JsonArray array) || array.isEmpty() || !(array.get(0) instanceof JsonObject first)) {
      return null;
    }
    return first.containsKey("id") && first.get("id").getValueType() == JsonValue.ValueType.STRING
        ? first.getString("id") : null;
  }

  private static String title(JsonObject error) {
    String title = error.getString("message", "error " + error.getInt("code"));
    if (error.get("error_data") instanceof JsonObject data && data.get("details") != null
        && data.get("details").getValueType() == JsonValue.ValueType.STRING
        && !title.contains(data.getString("details"))) {
      title = title + " — " + data.getString("details");
    }
    return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE);
  }

  private static JsonObject parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try (JsonReader reader = Jsonp.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      return value instanceof JsonObject object ? object : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
