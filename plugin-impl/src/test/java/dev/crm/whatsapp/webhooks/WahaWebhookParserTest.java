package dev.crm.whatsapp.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.whatsapp.api.MessageStatus;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Reading WAHA webhook bodies in the shapes WAHA documents. */
class WahaWebhookParserTest {
  private static final OffsetDateTime RECEIVED = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);

  private static WahaWebhookParser.GatewayEvent parse(String json) {
    return WahaWebhookParser.parse(json.getBytes(StandardCharsets.UTF_8), RECEIVED);
  }

  @Test
  void anAckWithOnlyItsNumberIsReadLikeItsName() {
    var event = parse("{\"event\":\"message.ack\",\"session\":\"default\",\"timestamp\":1772355600000,"
        + "\"payload\":{\"id\":\"true_1@c.us_A\",\"fromMe\":true,\"ack\":2}}");

    assertThat(event).isEqualTo(new WahaWebhookParser.Ack("default", "true_1@c.us_A", MessageStatus.DELIVERED,
        OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC)));
  }

  @Test
  void anAckOfAMessageSomeoneElseSentIsIgnored() {
    assertThat(parse("{\"event\":\"message.ack\",\"payload\":{\"id\":\"false_1@c.us_A\",\"fromMe\":false,"
        + "\"ack\":3,\"ackName\":\"READ\"}}")).isInstanceOf(WahaWebhookParser.Ignored.class);
  }

  @Test
  void anInboundImageReadsAsItsCaptionAndItsKindFromTheMimeType() {
    var event = (WahaWebhookParser.Inbound) parse("{\"event\":\"message\",\"session\":\"s\",\"payload\":{"
        + "\"id\":\"false_6281@c.us_B\",\"timestamp\":1772355600,\"from\":\"6281@c.us\",\"fromMe\":false,"
        + "\"body\":\"\",\"hasMedia\":true,\"media\":{\"url\":\"http://waha/f.jpg\",\"mimetype\":\"image/jpeg\"}}}");

    assertThat(event.type()).isEqualTo("image");
    assertThat(event.text()).isEqualTo("[image]");
    assertThat(event.fromDigits()).isEqualTo("6281");
  }

  @Test
  void messagesFromGroupsChannelsAndLinkedIdsAreIgnored() {
    for (String from : new String[] {"1203@g.us", "1203@newsletter", "status@broadcast", "1234@lid"}) {
      assertThat(parse("{\"event\":\"message\",\"payload\":{\"id\":\"x\",\"from\":\"" + from + "\",\"body\":\"hi\"}}"))
          .as(from).isInstanceOf(WahaWebhookParser.Ignored.class);
    }
  }

  @Test
  void otherEventsAreIgnoredAndABodyThatIsNoEventIsRefused() {
    assertThat(parse("{\"event\":\"presence.update\",\"payload\":{}}")).isInstanceOf(WahaWebhookParser.Ignored.class);
    assertThatThrownBy(() -> parse("[1,2]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> parse("{\"event\":\"message\"}")).hasMessage("no payload");
  }
}
