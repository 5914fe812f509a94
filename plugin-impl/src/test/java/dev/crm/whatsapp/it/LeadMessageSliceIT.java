package dev.crm.whatsapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import dev.crm.whatsapp.security.JwtSigner;
import java.io.File;
import java.security.KeyPairGenerator;
import java.util.List;
import java.net.URI;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The first vertical slice, deployed as built (the real WAR beside the Artemis RAR on Payara Micro) and
 * driven over HTTP: a rep's message goes through the queue and the sandbox provider, and the sandbox's
 * signed webhooks bring it to "read". Tenancy, permissions and bad input are refused on the way.
 */
@ExtendWith(PreviousServerGone.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LeadMessageSliceIT {
  private static final String ACME_LEAD = "1";
  private static final String ACME_LEAD_WITH_BAD_PHONE = "17";
  private static final String GLOBEX_LEAD = "35";

  @Deployment(testable = false)
  static WebArchive plugin() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
  }

  @ArquillianResource URL base;

  private Http http;

  @BeforeEach
  void client() throws Exception {
    http = new Http(base.toURI());
  }

  private String token(String tenant, String... groups) {
    String groupList = String.join("\",\"", groups);
    Http.Answer answer = http.post("api/v1/demo/tokens", null,
        "{\"tenant\":\"" + tenant + "\",\"user\":\"it.user\",\"groups\":[\"" + groupList + "\"]}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().getString("token");
  }

  @Test
  void aRepsMessageIsSentDeliveredAndReadThroughTheRealPipeline() throws Exception {
    String rep = token("acme", "sales-rep");

    Http.Answer sent = http.post("api/v1/leads/" + ACME_LEAD + "/messages", rep, "{\"text\":\"Hello from the IT\"}");
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    String id = sent.json().getString("id");
    assertThat(sent.json().getString("status")).isEqualTo("queued");

    JsonObject message = awaitStatus(rep, ACME_LEAD, id, "read", Duration.ofSeconds(60));
    assertThat(message.getString("providerMessageId")).startsWith("wamid.");
    assertThat(message.getString("text")).isEqualTo("Hello from the IT");
    assertThat(message.containsKey("sentAt")).isTrue();
    assertThat(message.containsKey("deliveredAt")).isTrue();
    assertThat(message.containsKey("readAt")).isTrue();
  }

  @Test
  void aForgedOrUnsignedWebhookIsRefusedAndChangesNothing() throws Exception {
    String rep = token("acme", "sales-rep");
    String id = http.post("api/v1/leads/" + ACME_LEAD + "/messages", rep, "{\"text\":\"forgery target\"}").json()
        .getString("id");
    JsonObject read = awaitStatus(rep, ACME_LEAD, id, "read", Duration.ofSeconds(60));
    String wamid = read.getString("providerMessageId");
    byte[] failed = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"x\",\"changes\":[{\"field\":"
        + "\"messages\",\"value\":{\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"failed\",\"timestamp\":\""
        + "1767225600" + "\",\"errors\":[{\"code\":131026,\"title\":\"forged\"}]}]}}]}]}")
        .getBytes(StandardCharsets.UTF_8);

    Http.Answer forged = http.postBytes("api/v1/webhooks/whatsapp", failed,
        Map.of("X-Hub-Signature-256", "sha256=" + "ab".repeat(32)));
    Http.Answer unsigned = http.postBytes("api/v1/webhooks/whatsapp", failed, Map.of());

    assertThat(forged.status()).isEqualTo(401);
    assertThat(forged.json().getString("field")).isEqualTo("X-Hub-Signature-256");
    assertThat(unsigned.status()).isEqualTo(401);
    assertThat(find(rep, ACME_LEAD, id).getString("status")).isEqualTo("read");
  }

  @Test
  void aWriteToAPathTheContainerResolvesOutsideTheApiIs405NeverA5xx() {
    Http.Answer answer = http.call("PUT", "api/v1/accounts/..%2F..%2F..%2Fetc%2Fpasswd", token("acme", "admin"),
        "{}", "application/json");

    assertThat(answer.status()).as(answer.body()).isEqualTo(405);
    assertThat(answer.json().getString("error")).isEqualTo("method_not_allowed");
  }

  @Test
  void aBulkSendNamingANullLeadIs400OnLeadIds() {
    Http.Answer answer = http.post("api/v1/leads/bulk-messages", token("acme", "admin"),
        "{\"leadIds\":[null,\"1\"],\"text\":\"hi\"}");

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().getString("field")).isEqualTo("leadIds");
  }

  @Test
  void noTokenIs401() {
    Http.Answer answer = http.get("api/v1/leads", null);
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().getString("error")).isEqualTo("unauthenticated");
  }

  @Test
  void aTokenNotSignedByTheTrustedKeyIs401InTheErrorShape() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String foreign = JwtSigner.sign(generator.generateKeyPair().getPrivate(), "crm-whatsapp-demo", "tenant", "acme",
        "intruder", List.of("admin"), Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(3650));
    String unsigned = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + foreign.split("\\.")[1] + ".";

    for (String token : List.of(foreign, unsigned, "not-a-jwt")) {
      Http.Answer answer = http.get("api/v1/leads", token);
      assertThat(answer.status()).as(token).isEqualTo(401);
      assertThat(answer.json().getString("error")).isEqualTo("unauthenticated");
    }
  }

  @Test
  void theWebhookHandshakeEchoesTheChallengeOnlyForTheVerifyToken() {
    Http.Answer accepted = http.get(
        "api/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=it-verify-token&hub.challenge=1158201444", null);
    Http.Answer refused = http.get(
        "api/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444", null);

    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.body()).isEqualTo("1158201444");
    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void aTokenWithoutThePermissionIs403AndSendsNothing() {
    String stranger = token("acme", "no-such-group");
    Http.Answer answer = http.post("api/v1/leads/" + ACME_LEAD + "/messages", stranger, "{\"text\":\"hi\"}");
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().getString("message")).contains("lead-whatsapp-send");
  }

  @Test
  void anotherTenantsLeadIsAnswered404LikeALeadThatDoesNotExist() {
    String rep = token("acme", "sales-rep");
    Http.Answer elsewhere = http.get("api/v1/leads/" + GLOBEX_LEAD, rep);
    Http.Answer nowhere = http.get("api/v1/leads/999999", rep);
    Http.Answer sendElsewhere = http.post("api/v1/leads/" + GLOBEX_LEAD + "/messages", rep, "{\"text\":\"hi\"}");

    assertThat(elsewhere.status()).isEqualTo(404);
    assertThat(elsewhere.body()).isEqualTo(nowhere.body());
    assertThat(sendElsewhere.status()).isEqualTo(404);
    assertThat(http.get("api/v1/leads/" + GLOBEX_LEAD, token("globex", "sales-rep")).status()).isEqualTo(200);
  }

  @Test
  void leadsAreListedForTheCallersTenantOnly() {
    JsonObject acme = http.get("api/v1/leads?size=200", token("acme", "sales-rep")).json();
    JsonObject globex = http.get("api/v1/leads?q=a&size=5", token("globex", "marketing")).json();

    assertThat(acme.getInt("total")).isEqualTo(30);
    assertThat(acme.getJsonArray("items")).hasSize(30);
    assertThat(globex.getJsonArray("items")).hasSizeLessThanOrEqualTo(5);
    assertThat(globex.getInt("total")).isLessThanOrEqualTo(20);
  }

  @Test
  void badInputIsA4xxNamingTheFieldAndRecordsNothing() {
    String rep = token("acme", "sales-rep");
    String path = "api/v1/leads/" + ACME_LEAD_WITH_BAD_PHONE + "/messages";

    assertError(http.post(path, rep, "{\"text\":\"\"}"), 400, "text");
    assertError(http.post(path, rep, "{\"text\":\"" + "x".repeat(4097) + "\"}"), 400, "text");
    assertError(http.post(path, rep, "{\"text\": oops"), 400, "body");
    assertError(http.post(path, rep, "{\"text\":\"hello\"}"), 422, "phone");
    assertError(http.get("api/v1/leads?size=0", rep), 400, "size");

    assertThat(http.get(path, rep).json().getJsonArray("items")).isEmpty();
  }

  @Test
  void readinessReportsDatabaseBrokerAndProvider() throws Exception {
    URI root = base.toURI().resolve("/health/ready");
    Http.Answer ready = new Http(root).get(root.toString(), null);
    assertThat(ready.status()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body()).contains("\"database\"", "\"broker\"", "\"provider\"");
  }

  @Test
  void theDemoCrmAndTheComponentsAreServed() {
    assertThat(http.get("demo/index.html", null).status()).isEqualTo(200);
    assertThat(http.get("ui/wa-lead-panel.js", null).status()).isEqualTo(200);
  }

  private static void assertError(Http.Answer answer, int status, String field) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.json().getString("field")).isEqualTo(field);
    assertThat(answer.json().getString("message")).isNotBlank();
    assertThat(answer.body()).doesNotContain("Exception", "\tat ");
  }

  private JsonObject awaitStatus(String token, String lead, String id, String status, Duration limit)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    JsonObject message = find(token, lead, id);
    while (!status.equals(message.getString("status")) && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
      message = find(token, lead, id);
    }
    assertThat(message.getString("status")).as(message.toString()).isEqualTo(status);
    return message;
  }

  private JsonObject find(String token, String lead, String id) {
    return http.get("api/v1/leads/" + lead + "/messages?limit=200", token).json().getJsonArray("items")
        .getValuesAs(JsonObject.class).stream()
        .filter(m -> m.getString("id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("message " + id + " is not in the history"));
  }
}
