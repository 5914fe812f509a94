package dev.crm.whatsapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.testing.GraphApiStub;
import dev.crm.whatsapp.testing.GraphApiStub.Reply;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
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
 * The real WAR sending through a Cloud API sender account (failsafe execution {@code it-cloud-api}),
 * through Artemis and real HTTP to the Graph API stub running in this JVM on {@code it.stub.port}: an
 * accepted send records its wamid, an undeliverable recipient fails with its code, and a transient error
 * is retried by the error policy (backoff shortened to a second for the test) and then accepted once.
 * The sender account is made through the accounts API, which never shows credentials.
 */
@ExtendWith(PreviousServerGone.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CloudApiSendIT {
  private static final String TOKEN = "it-graph-token";
  private static final String LEAD = "1";
  private static final String LEAD_PHONE = "6281363053471";
  private static final String UNDELIVERABLE_LEAD = "11";
  private static final String UNDELIVERABLE_PHONE = "6281329189088";
  private static final String FLAKY_LEAD = "21";
  private static final String FLAKY_PHONE = "6281346509725";
  private static final String GLOBEX_LEAD = "31";
  private static final String GLOBEX_PHONE = "6281334543823";

  private static GraphApiStub stub;

  @Deployment(testable = false)
  static WebArchive plugin() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
  }

  @BeforeAll
  static void startStub() {
    stub = GraphApiStub.start(Integer.getInteger("it.stub.port"), TOKEN);
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  @ArquillianResource URL base;

  private Http http;
  private String rep;
  private String admin;

  @BeforeEach
  void client() throws Exception {
    http = new Http(base.toURI());
    Http.Answer answer = http.post("api/v1/demo/tokens", null,
        "{\"tenant\":\"acme\",\"user\":\"it.user\",\"groups\":[\"sales-rep\"]}");
    rep = answer.json().getString("token");
    admin = http.post("api/v1/demo/tokens", null,
        "{\"tenant\":\"acme\",\"user\":\"it.admin\",\"groups\":[\"admin\"]}").json().getString("token");
    ensureCloudApiPrimary();
  }

  /** Acme's demo sandbox number stays; a Cloud API number is added once and made primary. */
  private void ensureCloudApiPrimary() {
    Http.Answer list = http.get("api/v1/accounts", admin);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    if (list.body().contains("\"cloud-api\"")) {
      return;
    }
    Http.Answer created = http.post("api/v1/accounts", admin, "{\"name\":\"IT Cloud API\",\"phoneNumber\":"
        + "\"+6281100000099\",\"provider\":\"cloud-api\",\"senderId\":\"it-phone-number-id\","
        + "\"credentials\":\"" + TOKEN + "\",\"primary\":true}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  @Test
  void anAcceptedSendRecordsTheGraphApisWamidAndReachesTheStubOnce() throws Exception {
    String id = send(LEAD, "Hello through the Cloud API");

    JsonObject message = awaitStatus(LEAD, id, "sent");

    assertThat(message.getString("provider")).isEqualTo("cloud-api");
    assertThat(message.getString("providerMessageId")).startsWith("wamid.STUB");
    assertThat(stub.acceptedFor(id)).isEqualTo(1);
    assertThat(stub.postsFor(id)).isEqualTo(1);
  }

  @Test
  void anUndeliverableRecipientFailsWithTheProvidersCodeAndIsNotRetried() throws Exception {
    stub.script(UNDELIVERABLE_PHONE, Reply.error(131026, 400, "(#131026) Message Undeliverable."));

    String id = send(UNDELIVERABLE_LEAD, "Nobody will read this");
    JsonObject message = awaitStatus(UNDELIVERABLE_LEAD, id, "failed");

    assertThat(message.getInt("errorCode")).isEqualTo(131026);
    assertThat(message.getString("errorMessage")).contains("Message Undeliverable");
    assertThat(message.getInt("attempts")).isEqualTo(1);
    assertThat(stub.postsFor(id)).isEqualTo(1);
  }

  @Test
  void aTransientRefusalIsSentAgainAfterTheBackoffAndAcceptedOnce() throws Exception {
    stub.scriptNext(FLAKY_PHONE, Reply.error(131016, 503, "(#131016) Service unavailable"));

    String id = send(FLAKY_LEAD, "Second time lucky");
    JsonObject message = awaitStatus(FLAKY_LEAD, id, "sent");

    assertThat(message.getInt("attempts")).isEqualTo(2);
    assertThat(stub.postsFor(id)).isEqualTo(2);
    assertThat(stub.acceptedFor(id)).isEqualTo(1);
  }

  @Test
  void theAccountsApiNeverShowsCredentialsAndHidesOtherTenantsNumbers() {
    Http.Answer list = http.get("api/v1/accounts", admin);
    String cloudId = list.jsonArray().getValuesAs(JsonObject.class).stream()
        .filter(a -> a.getString("provider").equals("cloud-api")).findFirst().orElseThrow().getString("id");
    String globexAdmin = http.post("api/v1/demo/tokens", null,
        "{\"tenant\":\"globex\",\"user\":\"it.admin\",\"groups\":[\"admin\"]}").json().getString("token");

    assertThat(list.body()).doesNotContain(TOKEN).contains("\"hasCredentials\":true", "\"healthLevel\":\"healthy\"");
    assertThat(http.post("api/v1/accounts/" + cloudId + "/test", admin, "").json().getBoolean("ok")).isTrue();
    assertThat(http.post("api/v1/accounts/" + cloudId + "/disable", globexAdmin, "").status()).isEqualTo(404);
    assertThat(http.get("api/v1/accounts", rep).status()).isEqualTo(403);
    Http.Answer bad = http.post("api/v1/accounts", admin, "{\"name\":\"x\",\"phoneNumber\":\"12345\","
        + "\"provider\":\"cloud-api\",\"senderId\":\"1\",\"credentials\":\"t\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getString("field")).isEqualTo("phoneNumber");
  }

  @Test
  void aRestrictedNumberIsPausedAndWithNoOtherNumberItsCampaignPausesWithTheReasonHoldingItsMessage()
      throws Exception {
    // globex sends only from a Cloud API number of its own: its demo sandbox number is disabled
    String globexAdmin = http.post("api/v1/demo/tokens", null,
        "{\"tenant\":\"globex\",\"user\":\"it.admin\",\"groups\":[\"admin\"]}").json().getString("token");
    for (JsonObject account : http.get("api/v1/accounts", globexAdmin).jsonArray().getValuesAs(JsonObject.class)) {
      if (!account.getString("provider").equals("cloud-api")) {
        assertThat(http.post("api/v1/accounts/" + account.getString("id") + "/disable", globexAdmin, "").status())
            .isEqualTo(200);
      }
    }
    // a number and template of their own on each run, as the server's database outlives it
    long run = System.nanoTime() % 10_000;
    Http.Answer number = http.post("api/v1/accounts", globexAdmin, "{\"name\":\"Globex Cloud API\",\"phoneNumber\":"
        + "\"+628110000" + String.format("%04d", run) + "\",\"provider\":\"cloud-api\",\"senderId\":\"it-globex-"
        + run + "\","
        + "\"credentials\":\"" + TOKEN + "\",\"primary\":true}");
    assertThat(number.status()).as(number.body()).isEqualTo(201);
    stub.script(GLOBEX_PHONE, Reply.error(368, 400, "(#368) Temporarily blocked for policies violations"));

    String template = approvedTemplate(globexAdmin, "it_globex_restricted_" + run);
    Http.Answer created = http.post("api/v1/campaigns", globexAdmin, "{\"name\":\"Restricted\",\"templateId\":\""
        + template + "\",\"bindings\":{\"body.1\":{\"source\":\"constant\",\"value\":\"there\"}},"
        + "\"audience\":{\"source\":\"leads\",\"leadIds\":[\"" + GLOBEX_LEAD + "\"]},\"throttlePerMinute\":600}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String campaign = created.json().getString("id");
    assertThat(http.post("api/v1/campaigns/" + campaign + "/launch", globexAdmin, "").status()).isEqualTo(200);

    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonObject paused = http.get("api/v1/campaigns/" + campaign, globexAdmin).json();
    while (!paused.getString("status").equals("PAUSED") && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
      paused = http.get("api/v1/campaigns/" + campaign, globexAdmin).json();
    }
    assertThat(paused.getString("status")).as(paused.toString()).isEqualTo("PAUSED");
    assertThat(paused.getString("statusReason")).contains("Globex Cloud API", "368");
    JsonObject account = http.get("api/v1/accounts", globexAdmin).jsonArray().getValuesAs(JsonObject.class).stream()
        .filter(a -> a.getString("id").equals(number.json().getString("id"))).findFirst().orElseThrow();
    assertThat(account.getString("status")).isEqualTo("paused");
    assertThat(paused.getJsonObject("counters").getInt("FAILED", 0)).as("the message did nothing wrong").isZero();
  }

  /** An approved template of the tenant (the sandbox catalog approves it a few seconds after submitting). */
  private String approvedTemplate(String token, String name) throws InterruptedException {
    Http.Answer created = http.post("api/v1/templates", token, "{\"name\":\"" + name + "\",\"language\":\"en_US\","
        + "\"category\":\"MARKETING\",\"body\":\"Hi {{1}}, spring offers are here.\",\"examples\":{\"body.1\":\"Ayu\"}}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().getString("id");
    http.post("api/v1/templates/" + id + "/submit", token, "");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!http.get("api/v1/templates/" + id, token).json().getString("status").equals("APPROVED")
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
    }
    return id;
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
