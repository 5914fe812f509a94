package dev.crm.whatsapp.providers.sandbox;

import dev.crm.whatsapp.platform.Jsonp;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** A status webhook body in the shape Meta's Cloud API posts (one entry, one change, one status). */
final class SandboxStatusPayload {
  private SandboxStatusPayload() {}

  static String status(String senderId, String providerMessageId, String status, String recipientDigits,
      String callbackData, Instant at) {
    return envelope(senderId, item(providerMessageId, status, recipientDigits, callbackData, at));
  }

  /** A failed status with one error, {@code errors:[{code, title, message, error_data:{details}}]}. */
  static String failed(String senderId, String providerMessageId, String recipientDigits, String callbackData,
      int code, String title, Instant at) {
    JsonObjectBuilder item = item(providerMessageId, "failed", recipientDigits, callbackData, at)
        .add("errors", Jsonp.createArrayBuilder().add(Jsonp.createObjectBuilder()
            .add("code", code)
            .add("title", title)
            .add("message", title)
            .add("error_data", Jsonp.createObjectBuilder().add("details", "sandbox outcome " + code))));
    return envelope(senderId, item);
  }

  private static JsonObjectBuilder item(String providerMessageId, String status, String recipientDigits,
      String callbackData, Instant at) {
    return Jsonp.createObjectBuilder()
        .add("id", providerMessageId)
        .add("status", status)
        .add("timestamp", Long.toString(at.getEpochSecond()))
        .add("recipient_id", recipientDigits)
        .add("biz_opaque_callback_data", callbackData)
        .add("pricing", Jsonp.createObjectBuilder()
            .add("billable", true).add("pricing_model", "PMP").add("category", "utility"));
  }

  private static String envelope(String senderId, JsonObjectBuilder item) {
    return Jsonp.createObjectBuilder()
        .add("object", "whatsapp_business_account")
        .add("entry", Jsonp.createArrayBuilder().add(Jsonp.createObjectBuilder()
            .add("id", "sandbox-waba")
            .add("changes", Jsonp.createArrayBuilder().add(Jsonp.createObjectBuilder()
                .add("field", "messages")
                .add("value", Jsonp.createObjectBuilder()
                    .add("messaging_product", "whatsapp")
                    .add("metadata", Jsonp.createObjectBuilder()
                        .add("display_phone_number", "15550000000")
                        .add("phone_number_id", senderId))
                    .add("statuses", Jsonp.createArrayBuilder().add(item)))))))
        .build()
        .toString();
  }
}
