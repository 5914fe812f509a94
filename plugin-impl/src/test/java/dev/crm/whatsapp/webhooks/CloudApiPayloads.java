package dev.crm.whatsapp.webhooks;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;

/**
 * Test data: webhook bodies in the shape Meta's Cloud API posts them (business-messaging-api v23.0,
 * {@code StatusMessageValue} / {@code Statuses}), built up from entries, changes and status items.
 */
final class CloudApiPayloads {
  static final String PHONE_NUMBER_ID = "106540352242922";

  private CloudApiPayloads() {}

  /** A whole webhook body. */
  static byte[] body(JsonObject... entries) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (JsonObject entry : entries) {
      array.add(entry);
    }
    return Json.createObjectBuilder()
        .add("object", "whatsapp_business_account")
        .add("entry", array)
        .build().toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One entry (one WhatsApp Business Account) with its changes. */
  static JsonObject entry(String wabaId, JsonObject... changes) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (JsonObject change : changes) {
      array.add(change);
    }
    return Json.createObjectBuilder().add("id", wabaId).add("changes", array).build();
  }

  /** A {@code messages} change carrying status items. */
  static JsonObject statusChange(JsonObject... statuses) {
    return change("messages", statuses);
  }

  /** A change of any field whose value carries status items, to show the field decides. */
  static JsonObject change(String field, JsonObject... statuses) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (JsonObject status : statuses) {
      array.add(status);
    }
    return Json.createObjectBuilder()
        .add("field", field)
        .add("value", value().add("statuses", array))
        .build();
  }

  /** A {@code messages} change with one inbound text from a lead, and no statuses. */
  static JsonObject inboundTextChange(String wamid, String from, String text, long epochSeconds) {
    return Json.createObjectBuilder()
        .add("field", "messages")
        .add("value", value()
            .add("contacts", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("profile", Json.createObjectBuilder().add("name", "Ayu Brown"))
                .add("wa_id", from)))
            .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("from", from)
                .add("id", wamid)
                .add("timestamp", Long.toString(epochSeconds))
                .add("type", "text")
                .add("text", Json.createObjectBuilder().add("body", text)))))
        .build();
  }

  /** A {@code messages} change received by {@code phoneNumberId} carrying inbound message items. */
  static JsonObject inboundChange(String phoneNumberId, JsonObject... messages) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    String from = "";
    for (JsonObject message : messages) {
      array.add(message);
      from = message.getString("from");
    }
    return Json.createObjectBuilder()
        .add("field", "messages")
        .add("value", value(phoneNumberId)
            .add("contacts", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("profile", Json.createObjectBuilder().add("name", "Ayu Brown"))
                .add("wa_id", from)))
            .add("messages", array))
        .build();
  }

  /** An inbound text item. */
  static JsonObject text(String wamid, String from, String text, long epochSeconds) {
    return message(wamid, from, epochSeconds, "text", Json.createObjectBuilder().add("body", text).build());
  }

  /** An inbound item of any type, with its type's object. */
  static JsonObject message(String wamid, String from, long epochSeconds, String type, JsonObject part) {
    return Json.createObjectBuilder()
        .add("from", from)
        .add("id", wamid)
        .add("timestamp", Long.toString(epochSeconds))
        .add("type", type)
        .add(type, part)
        .build();
  }

  /** A {@code user_preferences} change: a user stops or resumes marketing messages. */
  static JsonObject preferenceChange(String phoneNumberId, String waId, String value, long epochSeconds) {
    return Json.createObjectBuilder()
        .add("field", "user_preferences")
        .add("value", value(phoneNumberId)
            .add("contacts", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("profile", Json.createObjectBuilder().add("name", "Ayu Brown")).add("wa_id", waId)))
            .add("user_preferences", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("wa_id", waId)
                .add("detail", "User requested to stop marketing messages")
                .add("category", "marketing_messages")
                .add("value", value)
                .add("timestamp", epochSeconds))))
        .build();
  }

  /** A status item as Meta sends it, with recipient and pricing. */
  static JsonObjectBuilder status(String wamid, String status, long epochSeconds) {
    return Json.createObjectBuilder()
        .add("id", wamid)
        .add("status", status)
        .add("timestamp", Long.toString(epochSeconds))
        .add("recipient_id", "6281234567890")
        .add("pricing", Json.createObjectBuilder()
            .add("billable", true).add("pricing_model", "PMP").add("category", "utility"));
  }

  /** A {@code failed} status item with one error. */
  static JsonObjectBuilder failed(String wamid, long epochSeconds, int code, String title) {
    return status(wamid, "failed", epochSeconds)
        .add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder()
            .add("code", code)
            .add("title", title)
            .add("message", title)
            .add("error_data", Json.createObjectBuilder().add("details", "Message failed to send."))));
  }

  private static JsonObjectBuilder value() {
    return value(PHONE_NUMBER_ID);
  }

  private static JsonObjectBuilder value(String phoneNumberId) {
    return Json.createObjectBuilder()
        .add("messaging_product", "whatsapp")
        .add("metadata", Json.createObjectBuilder()
            .add("display_phone_number", "15550783881")
            .add("phone_number_id", phoneNumberId));
  }
}
