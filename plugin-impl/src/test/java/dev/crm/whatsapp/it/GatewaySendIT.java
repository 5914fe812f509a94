package dev.crm.whatsapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.testing.WahaStub;
import dev.crm.whatsapp.webhooks.GatewayWebhookSignature;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real WAR sending through a gateway (WAHA) sender account (failsafe execution {@code it-gateway}),
 * through Artemis and real HTTP to the WAHA stub running in this JVM on {@code it.stub.port}; the stub's
 * ack then comes back as a signed webhook to the account's gateway endpoint. The account's session and
 * QR code are read through the accounts API, by admins of its tenant only.
 */
@ExtendWith(PreviousServerGone.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GatewaySendIT {
  private static final String API_KEY = "it-waha-key";
  private static final String HMAC_KEY = "it-waha-hmac";
  private static final String LEAD = "1";
  private static final String LEAD_PHONE = "6281363053471";

  private static WahaStub stub;

  @Deployment(testable = false)
  static WebArchive plugin() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
  }

  @BeforeAll
  static void startStub() {
    stub = WahaStub.start(Integer.getInteger("it.stub.port"), API_KEY);
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  @ArquillianResource URL base;

  private Http http;
  private String rep;
  private String admin;
  private String accountId;

  @BeforeEach
  void client() throws Exception {
    stub.session("default", "WORKING");
    http = new Http(base.toURI());
    rep = token("acme", "sales-rep");
    admin = token("acme", "admin");
    accountId = gatewayPrimary();
  }

  private String token(String tenant, String group) {
    return http.post("api/v1/demo/tokens", null, "{\"tenant\":\"" + tenant + "\",\"user\":\"it.user\",\"groups\":[\""
        + group + "\"]}").json().getString("token");
  }

  /** A gateway number is added to acme once, made primary, with its WAHA server at the stub. */
  private String gatewayPrimary() {
    Http.Answer list = http.get("api/v1/accounts", admin);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return list.jsonArray().getValuesAs(JsonObject.class).stream()
        .filter(a -> a.getString("provider").equals("gateway")).findFirst().map(a -> a.getString("id"))
        .orElseGet(() -> {
          String credentials = ("{\"baseUrl\":\"" + stub.baseUrl() + "\",\"apiKey\":\"" + API_KEY
              + "\",\"session\":\"default\",\"webhookHmacKey\":\"" + HMAC_KEY + "\"}").replace("\"", "\\\"");
          Http.Answer created = http.post("api/v1/accounts", admin, "{\"name\":\"IT WhatsApp Web\",\"phoneNumber\":"
              + "\"+6281100000098\",\"provider\":\"gateway\",\"senderId\":\"it-waha-default\",\"credentials\":\""
              + credentials + "\",\"primary\":true}");
          assertThat(created.status()).as(created.body()).isEqualTo(201);
          return created.json().getString("id");
        });
  }

  @Test
  void aTextGoesThroughTheGatewayAndItsAckWebhookMarksItDelivered() throws Exception {
    String id = send(LEAD, "Hello through WhatsApp Web");
    JsonObject sent = awaitStatus(LEAD, id, "sent");
    String wahaId = sent.getString("providerMessageId");

    assertThat(sent.getString("provider")).isEqualTo("gateway");
    assertThat(wahaId).startsWith("true_" + LEAD_PHONE + "@c.us_");
    assertThat(stub.lastApiKey()).isEqualTo(API_KEY);
    assertThat(stub.lastBody()).contains("\"text\":\"Hello through WhatsApp Web\"");

    byte[] ack = ("{\"event\":\"message.ack\",\"session\":\"default\",\"timestamp\":" + System.currentTimeMillis()
        + ",\"payload\":{\"id\":\"" + wahaId + "\",\"fromMe\":true,\"ack\":2,\"ackName\":\"DEVICE\"}}")
        .getBytes(StandardCharsets.UTF_8);
    Http.Answer forged = http.postBytes("api/v1/webhooks/gateway/" + accountId, ack,
        Map.of(GatewayWebhookSignature.HEADER, GatewayWebhookSignature.sign("wrong", ack)));
    Http.Answer signed = http.postBytes("api/v1/webhooks/gateway/" + accountId, ack,
        Map.of(GatewayWebhookSignature.HEADER, GatewayWebhookSignature.sign(HMAC_KEY, ack),
            GatewayWebhookSignature.ALGORITHM_HEADER, "sha512"));

    assertThat(forged.status()).isEqualTo(401);
    assertThat(signed.status()).as(signed.body()).isEqualTo(200);
    awaitStatus(LEAD, id, "delivered");
  }

  @Test
  void aDirectCampaignKeepsTheServiceWindowOfTheNumberItNamesNotOfThePrimaryGateway() throws Exception {
    String marketing = token("acme", "marketing");
    String sandbox = http.get("api/v1/accounts", admin).jsonArray().getValuesAs(JsonObject.class).stream()
        .filter(a -> a.getString("provider").equals("sandbox")).findFirst().orElseThrow().getString("id");
    // lead 3 never wrote: no 24-hour window is open
    String direct = "{\"name\":\"%s\",\"content\":{\"type\":\"text\",\"text\":\"Your order is ready\"},"
        + "\"audience\":{\"source\":\"leads\",\"leadIds\":[\"3\"]},\"throttlePerMinute\":600%s}";

    String fromSandbox = launched(marketing, String.format(direct, "From the sandbox number",
        ",\"senderAccountId\":\"" + sandbox + "\""));
    JsonObject skipped = awaitCampaign(marketing, fromSandbox, c -> c.getString("status").equals("COMPLETED"));
    assertThat(skipped.getJsonObject("counters").getInt("SKIPPED")).as(skipped.toString()).isEqualTo(1);
    assertThat(http.get("api/v1/campaigns/" + fromSandbox + "/recipients", marketing).json().getJsonArray("items")
        .getJsonObject(0).getString("errorMessage")).isEqualTo("outside_service_window");

    String fromPrimary = launched(marketing, String.format(direct, "From the primary gateway", ""));
    JsonObject sent = awaitCampaign(marketing, fromPrimary, c -> c.getJsonObject("counters").getInt("SENT", 0) == 1);
    assertThat(sent.getJsonObject("counters").getInt("SKIPPED", 0)).isZero();
  }

  private String launched(String marketing, String body) {
    Http.Answer created = http.post("api/v1/campaigns", marketing, body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().getString("id");
    Http.Answer launched = http.post("api/v1/campaigns/" + id + "/launch", marketing, "");
    assertThat(launched.status()).as(launched.body()).isEqualTo(200);
    return id;
  }

  private JsonObject awaitCampaign(String marketing, String id, java.util.function.Predicate<JsonObject> done)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonObject campaign = http.get("api/v1/campaigns/" + id, marketing).json();
    while (!done.test(campaign) && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      campaign = http.get("api/v1/campaigns/" + id, marketing).json();
    }
    assertThat(done).as(campaign.toString()).accepts(campaign);
    return campaign;
  }

  @Test
  void anUploadedImageGoesByItsSignedLinkAndTheGatewayCanFetchTheFile() throws Exception {
    Http.Answer uploaded = http.upload("api/v1/leads/" + LEAD + "/media?filename=offer.png", rep, WahaStub.PNG, "image/png");
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    Http.Answer sent = http.post("api/v1/leads/" + LEAD + "/messages", rep,
        "{\"media\":{\"id\":\"" + uploaded.json().getString("id") + "\",\"caption\":\"Our spring offer\"}}");
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    awaitStatus(LEAD, sent.json().getString("id"), "sent");

    assertThat(stub.lastPath()).isEqualTo("/api/sendImage");
    jakarta.json.JsonObject body = jakarta.json.Json.createReader(new java.io.StringReader(stub.lastBody())).readObject();
    assertThat(body.getString("caption")).isEqualTo("Our spring offer");
    assertThat(body.getJsonObject("file").getString("mimetype")).isEqualTo("image/png");
    assertThat(body.getJsonObject("file").getString("filename")).isEqualTo("offer.png");
    Http.Download fetched = Http.download(java.net.URI.create(body.getJsonObject("file").getString("url")));
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.contentType()).isEqualTo("image/png");
    assertThat(fetched.body()).isEqualTo(WahaStub.PNG);
  }

  @Test
  void adminsOfTheTenantReadTheSessionAndItsQrCodeAndNobodyElseDoes() {
    Http.Answer working = http.get("api/v1/accounts/" + accountId + "/session", admin);
    assertThat(working.status()).as(working.body()).isEqualTo(200);
    assertThat(working.json().getString("status")).isEqualTo("WORKING");
    assertThat(http.get("api/v1/accounts/" + accountId + "/session/qr", admin).status()).isEqualTo(409);

    stub.session("default", "SCAN_QR_CODE");
    Http.Answer png = http.get("api/v1/accounts/" + accountId + "/session/qr", admin);
    Http.Answer raw = http.get("api/v1/accounts/" + accountId + "/session/qr?format=raw", admin);

    assertThat(png.status()).isEqualTo(200);
    assertThat(png.body()).contains("PNG");
    assertThat(raw.json().getString("value")).isEqualTo(WahaStub.QR_VALUE);
    assertThat(http.get("api/v1/accounts/" + accountId + "/session/qr?format=svg", admin).json().getString("field"))
        .isEqualTo("format");
    assertThat(http.get("api/v1/accounts/" + accountId + "/session", rep).status()).isEqualTo(403);
    assertThat(http.get("api/v1/accounts/" + accountId + "/session", token("globex", "admin")).status())
        .isEqualTo(404);
    assertThat(http.post("api/v1/accounts/" + accountId + "/test", admin, "").json().getString("problem"))
        .contains("SCAN_QR_CODE");
  }

  @Test
  void gatewayCredentialsThatAreNotAGatewayConfigAreRefusedNamingTheField() {
    Http.Answer bad = http.post("api/v1/accounts", admin, "{\"name\":\"x\",\"phoneNumber\":\"+6281100000097\","
        + "\"provider\":\"gateway\",\"senderId\":\"s\",\"credentials\":\"just-a-key\"}");

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getString("field")).isEqualTo("credentials");
    assertThat(http.get("api/v1/accounts", admin).body()).doesNotContain(API_KEY, HMAC_KEY);
  }

  @Test
  void aGatewayLabelTakenByAnotherTenantIsRefusedSoCredentialsAreNeverShared() {
    Http.Answer taken = http.post("api/v1/accounts", token("globex", "admin"), "{\"name\":\"x\",\"phoneNumber\":"
        + "\"+6281100000096\",\"provider\":\"gateway\",\"senderId\":\"it-waha-default\",\"credentials\":"
        + "\"{\\\"baseUrl\\\":\\\"http://elsewhere:3000\\\"}\"}");

    assertThat(taken.status()).as(taken.body()).isEqualTo(422);
    assertThat(taken.json().getString("field")).isEqualTo("senderId");
  }

  private String send(String lead, String text) {
    Http.Answer sent = http.post("api/v1/leads/" + lead + "/messages", rep, "{\"text\":\"" + text + "\"}");
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    return sent.json().getString("id");
  }

  private JsonObject awaitStatus(String lead, String id, String status) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonObject message = find(lead, id);
    while (!status.equals(message.getString("status")) && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
      message = find(lead, id);
    }
    assertThat(message.getString("status")).as(message.toString()).isEqualTo(status);
    return message;
  }

  private JsonObject find(String lead, String id) {
    return http.get("api/v1/leads/" + lead + "/messages?limit=200", rep).json().getJsonArray("items")
        .getValuesAs(JsonObject.class).stream()
        .filter(m -> m.getString("id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("message " + id + " is not in the history"));
  }
}
