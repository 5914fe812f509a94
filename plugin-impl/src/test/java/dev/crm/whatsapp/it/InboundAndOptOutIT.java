package dev.crm.whatsapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.webhooks.WebhookSignature;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * Inbound messages, opt-outs, the lead summary, conversions and erasure on the real WAR, driven over HTTP
 * with webhooks signed by the app secret the build sets ({@code WA_WEBHOOK_APP_SECRET=it-app-secret}).
 * Demo leads used: acme 11 ({@code 081329189088}), acme 12 ({@code 6285737258359}), acme 13 (erased).
 */
@ExtendWith(PreviousServerGone.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InboundAndOptOutIT {
  private static final byte[] SECRET = "it-app-secret".getBytes(StandardCharsets.UTF_8);
  private static final String WEBHOOK = "api/v1/webhooks/whatsapp";
  private static final long SENT_AT = 1_767_225_600L; // 2026-01-01T00:00:00Z
  /**
   * Unique per run, for provider and customer ids: the IT database outlives a run made without
   * {@code clean}, and an id seen before would be (rightly) taken as a duplicate.
   */
  private static final String RUN = java.util.UUID.randomUUID().toString().substring(0, 8);

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

  @Test
  void aSignedInboundTextLandsInTheLeadsHistoryAndSummary() {
    Http.Answer answer = signed(inbound("wamid.IT." + RUN + ".in11", "6281329189088", "Halo dari IT"));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);

    String rep = token("acme", "sales-rep");
    JsonObject newest = http.get("api/v1/leads/11/messages?direction=inbound", rep).json()
        .getJsonArray("items").getJsonObject(0);
    assertThat(newest.getString("direction")).isEqualTo("inbound");
    assertThat(newest.getString("status")).isEqualTo("received");
    assertThat(newest.getString("text")).isEqualTo("Halo dari IT");

    JsonObject summary = http.get("api/v1/leads/11/whatsapp-summary", rep).json();
    assertThat(summary.getJsonNumber("inbound").longValue()).isGreaterThanOrEqualTo(1);
    assertThat(summary.getString("windowOpenUntil")).startsWith("2026-01-02T00:00");
    assertThat(summary.getString("consent")).isEqualTo("none");
  }

  @Test
  void afterAStopReplyASendEndsOptedOutWithoutReachingTheProvider() {
    assertThat(signed(inbound("wamid.IT." + RUN + ".stop12", "6285737258359", "STOP")).status()).isEqualTo(200);
    String rep = token("acme", "sales-rep");

    Http.Answer sent = http.post("api/v1/leads/12/messages", rep, "{\"text\":\"Special offer\"}");
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    JsonObject message = awaitStatus(rep, "12", sent.json().getString("id"), "opted_out");
    assertThat(message.containsKey("providerMessageId")).isFalse();

    String admin = token("acme", "admin");
    JsonArray optOuts = http.get("api/v1/consent?state=opted_out", admin).json("items");
    assertThat(optOuts.getValuesAs(JsonObject.class)).anySatisfy(r -> {
      assertThat(r.getString("phone")).isEqualTo("+6285737258359");
      assertThat(r.getString("source")).isEqualTo("keyword");
    });
    assertThat(http.get("api/v1/leads/12/whatsapp-summary", rep).json().getString("consent")).isEqualTo("opted_out");
    assertThat(http.get("api/v1/consent", rep).status()).isEqualTo(403);

    assertThat(http.delete("api/v1/consent/opt-outs/+6285737258359", admin).status()).isEqualTo(204);
    assertThat(http.get("api/v1/leads/12/whatsapp-summary", rep).json().getString("consent")).isEqualTo("none");
  }

  @Test
  void anInboundFromAnUnknownNumberIsListedForAdminsOnly() {
    assertThat(signed(inbound("wamid.IT." + RUN + ".unknown", "6281200001111", "who is this?")).status()).isEqualTo(200);

    JsonArray unmatched = http.get("api/v1/inbound/unmatched", token("acme", "admin")).json("items");
    assertThat(unmatched.getValuesAs(JsonObject.class)).anySatisfy(u -> {
      assertThat(u.getString("phone")).isEqualTo("+6281200001111");
      assertThat(u.getString("reason")).isEqualTo("no_lead");
    });
    assertThat(http.get("api/v1/inbound/unmatched", token("acme", "sales-rep")).status()).isEqualTo(403);
  }

  @Test
  void unsignedSha1OnlyAndForgedWebhooksAre401AndStoreNothing() {
    byte[] body = inbound("wamid.IT." + RUN + ".forged", "6281329189088", "forged");
    String sha1 = "sha1=" + "ab".repeat(20);

    assertThat(http.postBytes(WEBHOOK, body, Map.of()).status()).isEqualTo(401);
    assertThat(http.postBytes(WEBHOOK, body, Map.of("X-Hub-Signature", sha1)).status()).isEqualTo(401);
    assertThat(http.postBytes(WEBHOOK, body, Map.of("X-Hub-Signature-256", "sha256=" + "ab".repeat(32))).status())
        .isEqualTo(401);
    assertThat(http.postBytes(WEBHOOK, body, Map.of("X-Hub-Signature-256", "sha256=not-hex")).status()).isEqualTo(401);

    String rep = token("acme", "sales-rep");
    JsonArray items = http.get("api/v1/leads/11/messages?direction=inbound&limit=200", rep).json("items");
    assertThat(items.getValuesAs(JsonObject.class)).noneSatisfy(m ->
        assertThat(m.getString("text", "")).isEqualTo("forged"));
    assertThat(metrics()).contains("wa_webhook_refused_total").contains("reason=\"invalid_signature\"");
  }

  private String metrics() {
    try {
      var request = java.net.http.HttpRequest.newBuilder(base.toURI().resolve("/metrics?scope=application"))
          .header("Accept", "text/plain").GET().build();
      return java.net.http.HttpClient.newHttpClient()
          .send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    } catch (Exception e) {
      throw new IllegalStateException("reading /metrics", e);
    }
  }

  @Test
  void aSignedBodyNearThreeMegabytesIsAcceptedAndOneOverIsRefused() {
    String padding = "x".repeat(3 * 1024 * 1024 - 400);
    byte[] near = ("{\"object\":\"whatsapp_business_account\",\"pad\":\"" + padding + "\",\"entry\":[]}")
        .getBytes(StandardCharsets.UTF_8);
    byte[] over = new byte[3 * 1024 * 1024 + 1];
    java.util.Arrays.fill(over, (byte) ' ');

    assertThat(near.length).isLessThanOrEqualTo(3 * 1024 * 1024);
    assertThat(signed(near).status()).isEqualTo(200);
    assertThat(http.postBytes(WEBHOOK, over, Map.of("X-Hub-Signature-256", WebhookSignature.sign(SECRET, over)))
        .status()).isEqualTo(413);
  }

  @Test
  void aConversionIsRecordedOnceAndFoundByCustomer() {
    String host = token("acme", "admin");
    String body = "{\"leadId\":\"11\",\"customerId\":\"IT-CUST-" + RUN + "\",\"convertedAt\":\"2026-01-03T00:00:00Z\"}";

    Http.Answer first = http.post("api/v1/conversions", host, body);
    Http.Answer again = http.post("api/v1/conversions", host, body);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    JsonArray found = http.get("api/v1/conversions?customerId=IT-CUST-" + RUN + "", token("acme", "sales-rep")).json("items");
    assertThat(found.getJsonObject(0).getString("leadId")).isEqualTo("11");
    assertThat(http.post("api/v1/conversions", token("acme", "sales-rep"), body).status()).isEqualTo(403);
    assertThat(http.post("api/v1/conversions", host, "{\"leadId\":\"11\"}").json().getString("field"))
        .contains("customerId");
  }

  @Test
  void twoReportsOfTheSameCustomerRacingEndAsOneRecord() throws Exception {
    String host = token("acme", "admin");
    String body = "{\"leadId\":\"11\",\"customerId\":\"IT-RACE-" + RUN + "\"}";
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> http.post("api/v1/conversions", host, body).status());
      var second = pool.submit(() -> http.post("api/v1/conversions", host, body).status());

      assertThat(java.util.List.of(first.get(), second.get())).containsExactlyInAnyOrder(201, 200);
    } finally {
      pool.shutdown();
    }
    assertThat(http.get("api/v1/conversions?customerId=IT-RACE-" + RUN, host).json("items")).hasSize(1);
  }

  @Test
  void erasingALeadsWhatsAppDataEmptiesItsHistory() {
    assertThat(signed(inbound("wamid.IT." + RUN + ".erase13", "14155552572", "please forget me")).status()).isEqualTo(200);
    String admin = token("acme", "admin");
    assertThat(http.get("api/v1/leads/13/messages", admin).json("items")).isNotEmpty();

    Http.Answer erased = http.delete("api/v1/leads/13/whatsapp-data", admin);

    assertThat(erased.status()).as(erased.body()).isEqualTo(200);
    assertThat(erased.json().getInt("messages")).isGreaterThanOrEqualTo(1);
    assertThat(http.get("api/v1/leads/13/messages", admin).json("items")).isEmpty();
    assertThat(signed(inbound("wamid.IT." + RUN + ".erase13", "14155552572", "please forget me")).status()).isEqualTo(200);
    assertThat(http.get("api/v1/leads/13/messages", admin).json("items")).isEmpty();
    assertThat(http.delete("api/v1/leads/13/whatsapp-data", token("acme", "sales-rep")).status()).isEqualTo(403);
  }

  private Http.Answer signed(byte[] body) {
    return http.postBytes(WEBHOOK, body, Map.of("X-Hub-Signature-256", WebhookSignature.sign(SECRET, body)));
  }

  private static byte[] inbound(String wamid, String from, String text) {
    return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"waba-it\",\"changes\":[{\"field\":"
        + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
        + "\"15550783881\",\"phone_number_id\":\"sandbox-number-1\"},\"contacts\":[{\"profile\":{\"name\":\"IT\"},"
        + "\"wa_id\":\"" + from + "\"}],\"messages\":[{\"from\":\"" + from + "\",\"id\":\"" + wamid
        + "\",\"timestamp\":\"" + SENT_AT + "\",\"type\":\"text\",\"text\":{\"body\":\"" + text + "\"}}]}}]}]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private String token(String tenant, String group) {
    Http.Answer answer = http.post("api/v1/demo/tokens", null,
        "{\"tenant\":\"" + tenant + "\",\"user\":\"it.user\",\"groups\":[\"" + group + "\"]}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().getString("token");
  }

  private JsonObject awaitStatus(String token, String lead, String id, String status) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonObject message = null;
    while (System.nanoTime() < deadline) {
      for (JsonObject item : http.get("api/v1/leads/" + lead + "/messages", token).json("items")
          .getValuesAs(JsonObject.class)) {
        if (item.getString("id").equals(id)) {
          message = item;
        }
      }
      if (message != null && status.equals(message.getString("status"))) {
        return message;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("message " + id + " did not reach " + status + ": " + message);
  }
}
