package dev.crm.whatsapp.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Whatever a signed webhook holds, the parser answers its content or says the body is not a JSON object
 * ({@link IllegalArgumentException}, which the webhook store records as the event's error); no other
 * exception. Two shapes: raw bytes, and bodies in the Cloud API's shape with hostile values where the
 * provider puts ids, statuses, timestamps and error codes.
 */
class CloudApiWebhookParserFuzzTest {
  private static final OffsetDateTime RECEIVED = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  @FuzzTest(maxDuration = "10s")
  void anyBytesAreParsedOrRefusedAsNotJson(byte[] body) {
    try {
      WebhookContent content = CloudApiWebhookParser.parse(body, RECEIVED);
      assertThat(content.statuses()).doesNotContainNull();
    } catch (IllegalArgumentException notJson) {
      assertThat(notJson).hasMessageContaining("not a JSON object");
    }
  }

  @FuzzTest(maxDuration = "10s")
  void hostileValuesInTheCloudApiShapeNeverBreakTheParser(FuzzedDataProvider data) {
    byte[] body = cloudApiShaped(data);

    WebhookContent content = CloudApiWebhookParser.parse(body, RECEIVED);

    content.statuses().forEach(s -> assertThat(s.providerMessageId()).isNotNull());
    content.inbound().forEach(m -> assertThat(m).isNotNull());
  }

  private static byte[] cloudApiShaped(FuzzedDataProvider data) {
    JsonArrayBuilder statuses = Json.createArrayBuilder();
    JsonArrayBuilder messages = Json.createArrayBuilder();
    int items = data.consumeInt(0, 4);
    for (int i = 0; i < items; i++) {
      JsonObjectBuilder status = Json.createObjectBuilder()
          .add("id", data.consumeString(40))
          .add("status", data.pickValue(new String[] {"sent", "delivered", "read", "failed", "deleted", "", "SENT"}))
          .add("recipient_id", data.consumeString(20));
      if (data.consumeBoolean()) {
        status.add("timestamp", data.consumeLong());
      } else {
        status.add("timestamp", data.consumeString(24));
      }
      if (data.consumeBoolean()) {
        status.add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder()
            .add("code", data.consumeLong()).add("title", data.consumeString(30))));
      }
      if (data.consumeBoolean()) {
        status.add("pricing", data.consumeBoolean()
            ? Json.createObjectBuilder().add("category", data.consumeString(20)).build()
            : Json.createValue(data.consumeString(10)));
      }
      statuses.add(status);
      JsonObjectBuilder message = Json.createObjectBuilder()
          .add("from", data.consumeString(20))
          .add("id", data.consumeString(40))
          .add("type", data.pickValue(new String[] {"text", "button", "interactive", "image", "reaction", "x"}));
      if (data.consumeBoolean()) {
        message.add("timestamp", data.consumeLong());
      } else {
        message.add("timestamp", data.consumeString(24));
      }
      message.add("text", data.consumeBoolean()
          ? Json.createObjectBuilder().add("body", data.consumeString(200)).build()
          : Json.createValue(data.consumeString(10)));
      message.add("button", Json.createObjectBuilder().add("text", data.consumeString(30))
          .add("payload", data.consumeString(30)));
      messages.add(message);
    }
    JsonObjectBuilder value = Json.createObjectBuilder()
        .add("messaging_product", "whatsapp")
        .add("metadata", Json.createObjectBuilder().add("phone_number_id", data.consumeString(20)))
        .add("contacts", Json.createArrayBuilder().add(Json.createObjectBuilder()
            .add("profile", Json.createObjectBuilder().add("name", data.consumeString(40)))))
        .add("statuses", statuses)
        .add("messages", messages)
        .add("user_preferences", Json.createArrayBuilder().add(Json.createObjectBuilder()
            .add("wa_id", data.consumeString(20)).add("value", data.consumeString(12))
            .add("category", "marketing_messages").add("timestamp", data.consumeLong())));
    String field = data.pickValue(new String[] {"messages", "user_preferences", "account_update"});
    return Json.createObjectBuilder().add("object", "whatsapp_business_account")
        .add("entry", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "waba")
            .add("changes", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("field", field).add("value", value)))))
        .build().toString().getBytes(StandardCharsets.UTF_8);
  }
}
