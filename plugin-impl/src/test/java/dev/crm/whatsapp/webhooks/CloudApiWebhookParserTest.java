package dev.crm.whatsapp.webhooks;

import static dev.crm.whatsapp.webhooks.CloudApiPayloads.body;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.change;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.entry;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.failed;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.inboundTextChange;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.status;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.statusChange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.crm.whatsapp.api.MessageStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudApiWebhookParserTest {
  private static final java.time.OffsetDateTime RECEIVED =
      java.time.OffsetDateTime.parse("2026-11-01T10:00:00Z");

  @Test
  void aStatusWithoutAReadableTimestampTakesTheTimeTheWebhookArrived() {
    byte[] body = ("{\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":{\"statuses\":"
        + "[{\"id\":\"wamid.X\",\"status\":\"read\",\"timestamp\":\"soon\"}]}}]}]}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(CloudApiWebhookParser.statuses(body, RECEIVED).get(0).at()).isEqualTo(RECEIVED);
  }

  @Test
  void aNumericTimestampBeyondAnyDateTakesTheArrivalTimeAndTheRestOfTheBodyIsStillRead() {
    byte[] body = ("{\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":{\"messages\":[{\"from\":"
        + "\"6281234567890\",\"id\":\"wamid.IN\",\"timestamp\":99999999999999999,\"type\":\"text\","
        + "\"text\":{\"body\":\"Halo\"}}],\"statuses\":[{\"id\":\"wamid.X\",\"status\":\"read\","
        + "\"timestamp\":\"1749416383\"}]}}]}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);

    WebhookContent content = CloudApiWebhookParser.parse(body, RECEIVED);

    assertThat(content.inbound()).singleElement().satisfies(m -> assertThat(m.at()).isEqualTo(RECEIVED));
    assertThat(content.statuses()).hasSize(1);
  }

  private static final long AT = 1_749_416_383L;
  private static final String WAMID = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=";

  @Test
  void singleStatusIsRead() {
    byte[] webhook = body(entry("waba-1", statusChange(status(WAMID, "delivered", AT).build())));

    List<StatusUpdate> updates = CloudApiWebhookParser.statuses(webhook, RECEIVED);

    assertThat(updates).singleElement().satisfies(update -> {
      assertThat(update.providerMessageId()).isEqualTo(WAMID);
      assertThat(update.status()).isEqualTo(MessageStatus.DELIVERED);
      assertThat(update.callbackData()).isEmpty();
      assertThat(update.errorCode()).isNull();
      assertThat(update.errorTitle()).isNull();
    });
  }

  @Test
  void timestampIsEpochSecondsInUtc() {
    byte[] webhook = body(entry("waba-1", statusChange(status(WAMID, "sent", AT).build())));

    StatusUpdate update = CloudApiWebhookParser.statuses(webhook, RECEIVED).get(0);

    assertThat(update.at().toInstant()).isEqualTo(Instant.ofEpochSecond(AT));
    assertThat(update.at().getOffset()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void everyStatusOfEveryChangeOfEveryEntryIsReadInOrder() {
    byte[] webhook = body(
        entry("waba-1",
            statusChange(status("wamid.1", "sent", AT).build(), status("wamid.2", "sent", AT + 1).build()),
            statusChange(status("wamid.1", "delivered", AT + 2).build())),
        entry("waba-2",
            statusChange(status("wamid.3", "sent", AT + 3).build(), status("wamid.3", "delivered", AT + 4).build(),
                status("wamid.3", "read", AT + 5).build()),
            statusChange(status("wamid.2", "read", AT + 6).build())));

    List<StatusUpdate> updates = CloudApiWebhookParser.statuses(webhook, RECEIVED);

    assertThat(updates)
        .extracting(StatusUpdate::providerMessageId, StatusUpdate::status, u -> u.at().toEpochSecond())
        .containsExactly(
            tuple("wamid.1", MessageStatus.SENT, AT),
            tuple("wamid.2", MessageStatus.SENT, AT + 1),
            tuple("wamid.1", MessageStatus.DELIVERED, AT + 2),
            tuple("wamid.3", MessageStatus.SENT, AT + 3),
            tuple("wamid.3", MessageStatus.DELIVERED, AT + 4),
            tuple("wamid.3", MessageStatus.READ, AT + 5),
            tuple("wamid.2", MessageStatus.READ, AT + 6));
  }

  @Test
  void readWithoutDeliveredIsReportedAsRead() {
    byte[] webhook = body(entry("waba-1", statusChange(status(WAMID, "read", AT).build())));

    assertThat(CloudApiWebhookParser.statuses(webhook, RECEIVED))
        .extracting(StatusUpdate::status).containsExactly(MessageStatus.READ);
  }

  @Test
  void failedCarriesItsFirstErrorCodeAndTitle() {
    byte[] webhook = body(entry("waba-1", statusChange(
        failed(WAMID, AT, 131026, "Message undeliverable").build())));

    StatusUpdate update = CloudApiWebhookParser.statuses(webhook, RECEIVED).get(0);

    assertThat(update.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(update.errorCode()).isEqualTo(131026);
    assertThat(update.errorTitle()).isEqualTo("Message undeliverable");
  }

  @Test
  void unknownStatusValuesAreSkippedAndTheRestKept() {
    byte[] webhook = body(entry("waba-1", statusChange(
        status("wamid.1", "deleted", AT).build(),
        status("wamid.2", "warning", AT).build(),
        status("wamid.3", "queued", AT).build(),
        status("wamid.4", "delivered", AT).build())));

    assertThat(CloudApiWebhookParser.statuses(webhook, RECEIVED))
        .extracting(StatusUpdate::providerMessageId).containsExactly("wamid.4");
  }

  @Test
  void statusItemsWithoutIdOrStatusAreSkipped() {
    byte[] webhook = body(entry("waba-1", statusChange(
        status(WAMID, "sent", AT).remove("id").build(),
        status(WAMID, "sent", AT).remove("status").build())));

    assertThat(CloudApiWebhookParser.statuses(webhook, RECEIVED)).isEmpty();
  }

  @Test
  void changesOfOtherFieldsAreSkipped() {
    byte[] webhook = body(entry("waba-1",
        change("message_template_status_update", status("wamid.1", "delivered", AT).build()),
        change("user_preferences", status("wamid.2", "delivered", AT).build()),
        statusChange(status("wamid.3", "delivered", AT).build())));

    assertThat(CloudApiWebhookParser.statuses(webhook, RECEIVED))
        .extracting(StatusUpdate::providerMessageId).containsExactly("wamid.3");
  }

  @Test
  void callbackDataIsRead() {
    byte[] webhook = body(entry("waba-1", statusChange(
        status(WAMID, "sent", AT).add("biz_opaque_callback_data", "3f1c2a9e-our-message-id").build())));

    assertThat(CloudApiWebhookParser.statuses(webhook, RECEIVED).get(0).callbackData()).contains("3f1c2a9e-our-message-id");
  }

  @Test
  void inboundMessagesProduceNoStatusUpdates() {
    byte[] webhook = body(entry("waba-1", inboundTextChange("wamid.IN1", "6281234567890", "Halo", AT)));

    assertThat(CloudApiWebhookParser.statuses(webhook, RECEIVED)).isEmpty();
  }

  @Test
  void bodyWithoutEntriesHasNoUpdates() {
    assertThat(CloudApiWebhookParser.statuses("{}".getBytes(StandardCharsets.UTF_8), RECEIVED)).isEmpty();
    assertThat(CloudApiWebhookParser.statuses("{\"entry\":\"not a list\"}".getBytes(StandardCharsets.UTF_8), RECEIVED))
        .isEmpty();
  }

  @Test
  void bodyThatIsNotJsonIsRefused() {
    assertThatThrownBy(() -> CloudApiWebhookParser.statuses("not json".getBytes(StandardCharsets.UTF_8), RECEIVED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CloudApiWebhookParser.statuses(new byte[0], RECEIVED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CloudApiWebhookParser.statuses("{\"entry\":[".getBytes(StandardCharsets.UTF_8), RECEIVED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void jsonThatIsNotAnObjectIsRefused() {
    assertThatThrownBy(() -> CloudApiWebhookParser.statuses("[1,2]".getBytes(StandardCharsets.UTF_8), RECEIVED))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
