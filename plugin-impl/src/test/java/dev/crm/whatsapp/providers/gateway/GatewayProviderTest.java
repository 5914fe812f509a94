package dev.crm.whatsapp.providers.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.provider.MessageContent;
import dev.crm.whatsapp.api.provider.MessageContent.MediaKind;
import dev.crm.whatsapp.api.provider.OutboundMessage;
import dev.crm.whatsapp.api.provider.SendOutcome;
import dev.crm.whatsapp.dispatch.ErrorPolicy;
import dev.crm.whatsapp.testing.WahaStub;
import dev.crm.whatsapp.testing.WahaStub.Reply;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway provider over real HTTP against the local WAHA stub, which answers as WAHA documents. */
class GatewayProviderTest {
  private static final String API_KEY = "waha-test-key";
  private static final String SENDER = "sales-session";

  private static WahaStub stub;
  private static GatewayProvider provider;

  @BeforeAll
  static void startStub() {
    stub = WahaStub.start(0, API_KEY);
    provider = providerAt(stub.baseUrl().toString(), API_KEY, Duration.ofSeconds(2));
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  @AfterEach
  void sessionWorksAgain() {
    stub.session("default", "WORKING");
  }

  private static GatewayProvider providerAt(String baseUrl, String apiKey, Duration timeout) {
    String credentials = "{\"baseUrl\":\"" + baseUrl + "\",\"apiKey\":\"" + apiKey + "\",\"session\":\"default\"}";
    return GatewayProvider.over(new WahaClient(Duration.ofSeconds(2), timeout),
        (type, sender) -> GatewayProvider.TYPE.equals(type) && SENDER.equals(sender)
            ? Optional.of(credentials) : Optional.empty(),
        message -> Map.of("tpl-1", "Halo Budi, your order 42 has shipped").entrySet().stream()
            .filter(e -> e.getKey().equals(message.callbackData())).map(Map.Entry::getValue).findFirst());
  }

  private static OutboundMessage message(String digits, MessageContent content, String callback) {
    return new OutboundMessage(SENDER, PhoneNumber.of("+" + digits), content, callback);
  }

  @Test
  void aTextGoesToSendTextWithTheChatIdAndApiKeyAndReturnsWahasMessageId() {
    SendOutcome outcome = provider.send(message("6281200000001", new MessageContent.Text("Halo"), "msg-1"));

    assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
    assertThat(((SendOutcome.Accepted) outcome).providerMessageId()).startsWith("true_6281200000001@c.us_3EB0");
    assertThat(stub.lastPath()).isEqualTo("/api/sendText");
    assertThat(stub.lastApiKey()).isEqualTo(API_KEY);
    assertThat(stub.lastBody()).contains("\"session\":\"default\"", "\"chatId\":\"6281200000001@c.us\"",
        "\"text\":\"Halo\"");
  }

  @Test
  void anImageGoesToSendImageWithItsLinkMimeTypeAndCaption() {
    provider.send(message("6281200000002", new MessageContent.Media(MediaKind.IMAGE,
        "https://cdn.example.com/promo/banner.png", null, "New stock", null), "msg-2"));

    assertThat(stub.lastPath()).isEqualTo("/api/sendImage");
    assertThat(stub.lastBody()).contains("\"url\":\"https://cdn.example.com/promo/banner.png\"",
        "\"mimetype\":\"image/png\"", "\"filename\":\"banner.png\"", "\"caption\":\"New stock\"");
  }

  @Test
  void videosAndDocumentsGoToTheirOwnEndpoints() {
    provider.send(message("6281200000003", new MessageContent.Media(MediaKind.VIDEO,
        "https://cdn.example.com/demo.mp4", null, null, null), "msg-3"));
    assertThat(stub.lastPath()).isEqualTo("/api/sendVideo");
    assertThat(stub.lastBody()).contains("\"mimetype\":\"video/mp4\"").doesNotContain("caption");

    provider.send(message("6281200000003", new MessageContent.Media(MediaKind.DOCUMENT,
        "https://cdn.example.com/x?sig=1", null, "Invoice", "invoice.pdf"), "msg-4"));
    assertThat(stub.lastPath()).isEqualTo("/api/sendFile");
    assertThat(stub.lastBody()).contains("\"filename\":\"invoice.pdf\"", "\"mimetype\":\"application/pdf\"");
  }

  @Test
  void aTemplateGoesOutAsTheTextItWasRenderedTo() {
    SendOutcome outcome = provider.send(message("6281200000004", new MessageContent.Template("order_shipped",
        "id", List.of()), "tpl-1"));

    assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
    assertThat(stub.lastPath()).isEqualTo("/api/sendText");
    assertThat(stub.lastBody()).contains("\"text\":\"Halo Budi, your order 42 has shipped\"");
  }

  @Test
  void aTemplateWithAHeaderImageGoesOutAsThatImageCaptionedWithItsText() {
    MessageContent.Media header = new MessageContent.Media(MediaKind.IMAGE, "https://cdn.example.com/p.jpg",
        null, null, null);
    provider.send(message("6281200000005", new MessageContent.Template("order_shipped", "id", List.of(
        new MessageContent.Component("header", null, null, List.of(new MessageContent.MediaParameter(header))))),
        "tpl-1"));

    assertThat(stub.lastPath()).isEqualTo("/api/sendImage");
    assertThat(stub.lastBody()).contains("\"caption\":\"Halo Budi, your order 42 has shipped\"",
        "\"mimetype\":\"image/jpeg\"");
  }

  @Test
  void aTemplateWithoutRecordedTextIsRefusedWithoutAnyRequest() {
    long before = stub.postsTo("6281200000006@c.us");

    SendOutcome outcome = provider.send(message("6281200000006", new MessageContent.Template("x", "id", List.of()),
        "not-recorded"));

    assertThat(outcome).isEqualTo(new SendOutcome.Rejected(100,
        "the gateway sends media by link only, and templates as recorded text", true));
    assertThat(stub.postsTo("6281200000006@c.us")).isEqualTo(before);
  }

  @Test
  void aSessionNotWorkingIsRefusedAsNotSentWithTheSessionDownCode() {
    stub.session("default", "SCAN_QR_CODE");

    SendOutcome outcome = provider.send(message("6281200000007", new MessageContent.Text("Halo"), "msg-7"));

    assertThat(outcome).isEqualTo(new SendOutcome.Rejected(ErrorPolicy.GATEWAY_SESSION_DOWN,
        "gateway session is SCAN_QR_CODE, not WORKING", true));
  }

  @Test
  void aWrongApiKeyIsRefusedWithTheGatewayAuthCode() {
    GatewayProvider wrongKey = providerAt(stub.baseUrl().toString(), "not-the-key", Duration.ofSeconds(2));

    SendOutcome outcome = wrongKey.send(message("6281200000008", new MessageContent.Text("Halo"), "msg-8"));

    assertThat(outcome).isInstanceOf(SendOutcome.Rejected.class);
    assertThat(((SendOutcome.Rejected) outcome).code()).isEqualTo(ErrorPolicy.GATEWAY_AUTH);
  }

  @Test
  void aBadRequestIsRefusedAsNotProcessed() {
    stub.script("6281200000009@c.us", Reply.BAD_REQUEST);

    SendOutcome outcome = provider.send(message("6281200000009", new MessageContent.Text("Halo"), "msg-9"));

    assertThat(outcome).isInstanceOf(SendOutcome.Rejected.class);
    assertThat(((SendOutcome.Rejected) outcome).code()).isEqualTo(100);
    assertThat(((SendOutcome.Rejected) outcome).notProcessed()).isTrue();
  }

  @Test
  void aServerErrorAfterTheRequestArrivedIsUncertain() {
    stub.script("6281200000010@c.us", Reply.SERVER_ERROR);

    assertThat(provider.send(message("6281200000010", new MessageContent.Text("Halo"), "msg-10")))
        .isInstanceOf(SendOutcome.Uncertain.class);
  }

  @Test
  void noAnswerWithinTheTimeoutIsUncertainAndTheRequestArrivedOnce() {
    stub.script("6281200000011@c.us", Reply.HANG);
    GatewayProvider impatient = providerAt(stub.baseUrl().toString(), API_KEY, Duration.ofMillis(300));

    SendOutcome outcome = impatient.send(message("6281200000011", new MessageContent.Text("Halo"), "msg-11"));

    assertThat(outcome).isInstanceOf(SendOutcome.Uncertain.class);
    assertThat(stub.postsTo("6281200000011@c.us")).isEqualTo(1);
  }

  @Test
  void aConnectionCutAfterTheRequestIsUncertain() {
    stub.script("6281200000012@c.us", Reply.CUT);

    assertThat(provider.send(message("6281200000012", new MessageContent.Text("Halo"), "msg-12")))
        .isInstanceOf(SendOutcome.Uncertain.class);
  }

  @Test
  void aGatewayThatRefusesConnectionsIsNotSent() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    GatewayProvider unreachable = providerAt("http://127.0.0.1:" + closedPort, API_KEY, Duration.ofSeconds(2));

    assertThat(unreachable.send(message("6281200000013", new MessageContent.Text("Halo"), "msg-13")))
        .isInstanceOf(SendOutcome.NotSent.class);
  }

  @Test
  void aSenderWithoutGatewayCredentialsIsRefusedWithoutAnyRequest() {
    SendOutcome outcome = provider.send(new OutboundMessage("other-sender", PhoneNumber.of("+6281200000014"),
        new MessageContent.Text("Halo"), "msg-14"));

    assertThat(outcome).isInstanceOf(SendOutcome.Rejected.class);
    assertThat(stub.postsTo("6281200000014@c.us")).isZero();
  }

  @Test
  void theGatewaySendsOutsideTheServiceWindow() {
    assertThat(provider.sendsOutsideServiceWindow()).isTrue();
  }
}
