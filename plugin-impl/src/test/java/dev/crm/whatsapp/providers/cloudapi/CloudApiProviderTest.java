package dev.crm.whatsapp.providers.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.provider.MessageContent;
import dev.crm.whatsapp.api.provider.OutboundMessage;
import dev.crm.whatsapp.api.provider.SendOutcome;
import dev.crm.whatsapp.testing.GraphApiStub;
import dev.crm.whatsapp.testing.GraphApiStub.Reply;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Cloud API provider over real HTTP against the local Graph API stub, which answers in the shapes of
 * Meta's OpenAPI contract.
 */
class CloudApiProviderTest {
  private static final String TOKEN = "EAAG-test-token";
  private static final String SENDER = "106540352242922";

  private static GraphApiStub stub;
  private static CloudApiProvider provider;

  @BeforeAll
  static void startStub() {
    stub = GraphApiStub.start(0, TOKEN);
    provider = providerAt(stub.baseUrl().toString(), "PT2S");
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  private static CloudApiProvider providerAt(String baseUrl, String requestTimeout) {
    CloudApiSettings settings = new CloudApiSettings(baseUrl, "v23.0", "PT2S", requestTimeout);
    return CloudApiProvider.over(CloudApiClient.over(settings), settings,
        (type, sender) -> SENDER.equals(sender) ? Optional.of(TOKEN) : Optional.empty());
  }

  private static OutboundMessage text(String to, String callback) {
    return new OutboundMessage(SENDER, PhoneNumber.of("+" + to), new MessageContent.Text("Halo"), callback);
  }

  @Test
  void anAcceptedTextReturnsTheWamidAndCarriesOurIdAsCallbackData() {
    SendOutcome outcome = provider.send(text("6281200000001", "msg-accepted"));

    assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
    assertThat(((SendOutcome.Accepted) outcome).providerMessageId()).startsWith("wamid.");
    assertThat(stub.acceptedFor("msg-accepted")).isEqualTo(1);
    assertThat(stub.lastAuthorization()).isEqualTo("Bearer " + TOKEN);
    assertThat(stub.lastBody()).contains("\"messaging_product\":\"whatsapp\"", "\"to\":\"6281200000001\"",
        "\"type\":\"text\"", "\"biz_opaque_callback_data\":\"msg-accepted\"");
  }

  @Test
  void aTemplateIsSentWithItsComponentsAndParameters() {
    MessageContent.Template template = new MessageContent.Template("order_update", "en_US", List.of(
        new MessageContent.Component("header", null, null, List.of(new MessageContent.MediaParameter(
            new MessageContent.Media(MessageContent.MediaKind.IMAGE, "https://cdn.example.com/a.png", null, null, null)))),
        new MessageContent.Component("body", null, null, List.of(new MessageContent.TextParameter("Ayu", null))),
        new MessageContent.Component("button", "url", 0, List.of(new MessageContent.TextParameter("A-17", null)))));

    SendOutcome outcome = provider.send(new OutboundMessage(SENDER, PhoneNumber.of("+6281200000002"), template, "msg-tpl"));

    assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
    assertThat(stub.lastBody()).contains("\"type\":\"template\"", "\"name\":\"order_update\"",
        "\"language\":{\"code\":\"en_US\"}", "{\"type\":\"image\",\"image\":{\"link\":\"https://cdn.example.com/a.png\"}}",
        "{\"type\":\"text\",\"text\":\"Ayu\"}", "\"sub_type\":\"url\"", "\"index\":\"0\"");
  }

  @Test
  void aDocumentByMediaIdCarriesItsCaptionAndFileName() {
    MessageContent.Media document = new MessageContent.Media(MessageContent.MediaKind.DOCUMENT, null, "1013859600285441",
        "Your quote", "quote.pdf");

    SendOutcome outcome = provider.send(new OutboundMessage(SENDER, PhoneNumber.of("+6281200000003"), document, "msg-doc"));

    assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
    assertThat(stub.lastBody()).contains("\"type\":\"document\"",
        "\"document\":{\"id\":\"1013859600285441\",\"caption\":\"Your quote\",\"filename\":\"quote.pdf\"}");
  }

  @Test
  void aGraphErrorIsARefusalWithItsCodeThatProvesNothingWasSent() {
    stub.script("6281200000004", Reply.error(131026, 400, "(#131026) Message Undeliverable."));

    SendOutcome outcome = provider.send(text("6281200000004", "msg-undeliverable"));

    assertThat(outcome).isInstanceOf(SendOutcome.Rejected.class);
    SendOutcome.Rejected rejected = (SendOutcome.Rejected) outcome;
    assertThat(rejected.code()).isEqualTo(131026);
    assertThat(rejected.notProcessed()).isTrue();
    assertThat(rejected.title()).contains("Message Undeliverable");
  }

  @Test
  void sendsBeyondTheNumbersRateAreRefusedWith130429() {
    String sender = "999000111";
    stub.limitPerSecond(sender, 3);
    CloudApiSettings settings = new CloudApiSettings(stub.baseUrl().toString(), "v23.0", "PT2S", "PT2S");
    CloudApiProvider limited = CloudApiProvider.over(CloudApiClient.over(settings), settings,
        (type, s) -> Optional.of(TOKEN));

    List<SendOutcome> outcomes = java.util.stream.IntStream.range(0, 10)
        .mapToObj(i -> limited.send(new OutboundMessage(sender, PhoneNumber.of("+628130000000" + i),
            new MessageContent.Text("burst"), "burst-" + i)))
        .toList();

    assertThat(outcomes).filteredOn(o -> o instanceof SendOutcome.Rejected r && r.code() == 130429).isNotEmpty();
  }

  @Test
  void aWrongTokenIsRefusedWith190() {
    CloudApiSettings settings = new CloudApiSettings(stub.baseUrl().toString(), "v23.0", "PT2S", "PT2S");
    CloudApiProvider wrong = CloudApiProvider.over(CloudApiClient.over(settings), settings,
        (type, s) -> Optional.of("expired"));

    SendOutcome outcome = wrong.send(text("6281200000005", "msg-token"));

    assertThat(outcome).isEqualTo(new SendOutcome.Rejected(190,
        "Invalid OAuth access token - Cannot parse access token", true));
  }

  @Test
  void aSenderWithoutATokenIsRefusedWithoutAnyCall() {
    long before = stub.totalPosts();
    CloudApiSettings settings = new CloudApiSettings(stub.baseUrl().toString(), "v23.0", "PT2S", "PT2S");
    CloudApiProvider none = CloudApiProvider.over(CloudApiClient.over(settings), settings, (type, s) -> Optional.empty());

    SendOutcome outcome = none.send(text("6281200000006", "msg-no-token"));

    assertThat(outcome).isInstanceOf(SendOutcome.Rejected.class);
    assertThat(((SendOutcome.Rejected) outcome).code()).isEqualTo(190);
    assertThat(stub.totalPosts()).isEqualTo(before);
  }

  @Test
  void noAnswerWithinTheTimeoutIsUncertain() {
    stub.script("6281200000007", Reply.hang());
    CloudApiProvider impatient = providerAt(stub.baseUrl().toString(), "PT0.3S");

    SendOutcome outcome = impatient.send(text("6281200000007", "msg-hang"));

    assertThat(outcome).isInstanceOf(SendOutcome.Uncertain.class);
    assertThat(stub.postsFor("msg-hang")).isEqualTo(1);
  }

  @Test
  void aConnectionCutAfterTheRequestIsUncertain() {
    stub.script("6281200000008", Reply.cut());

    assertThat(provider.send(text("6281200000008", "msg-cut"))).isInstanceOf(SendOutcome.Uncertain.class);
  }

  @Test
  void aProxyErrorPageIsUncertainNotARefusal() {
    stub.script("6281200000009", Reply.proxyError());

    assertThat(provider.send(text("6281200000009", "msg-proxy"))).isInstanceOf(SendOutcome.Uncertain.class);
  }

  @Test
  void aRefusedConnectionIsNotSentAndSafeToRepeat() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    CloudApiProvider nowhere = providerAt("http://127.0.0.1:" + closedPort + "/", "PT2S");

    assertThat(nowhere.send(text("6281200000010", "msg-refused"))).isInstanceOf(SendOutcome.NotSent.class);
  }
}
