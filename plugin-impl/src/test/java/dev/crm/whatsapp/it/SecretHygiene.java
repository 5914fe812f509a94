package dev.crm.whatsapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.testing.GraphApiStub;
import dev.crm.whatsapp.webhooks.WebhookSignature;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Canary values for the Cloud API access token (server config and a sender account's credentials), the
 * app secret (read from a file) and a lead's phone number: after sends through the Graph API stub,
 * signed webhooks, a sender account's connection test, a campaign to that lead and the reading APIs, no
 * secret canary is in the server log, any response, any export, any text column of the database or any
 * dead-letter message; the phone appears in the log, dead letters and a marketer's export only masked (an
 * admin with {@code whatsapp-settings-admin} exports it whole, as documented).
 */
final class SecretHygiene {
  /** acme's lead 12, {@code 6285737258359}. */
  private static final String LEAD = "12";
  private static final String PHONE_DIGITS = "6285737258359";
  private static final String ACCOUNT_TOKEN_CANARY = "canary-account-token-51c0aa";

  private final URL base;

  SecretHygiene(URL base) {
    this.base = base;
  }

  void noSecretCanaryLeavesTheServerAndPhonesOnlyMasked() throws Exception {
    List<String> secrets = List.of(ReliabilityRun.GRAPH_TOKEN_CANARY, ReliabilityRun.APP_SECRET, ACCOUNT_TOKEN_CANARY);
    Http http = new Http(base.toURI());
    String admin = ReliabilityRun.token("acme", "admin");
    List<String> responses = Collections.synchronizedList(new ArrayList<>());
    List<String> exports = new ArrayList<>();
    try (GraphApiStub stub = GraphApiStub.start(Integer.getInteger("it.stub.port"),
        ReliabilityRun.GRAPH_TOKEN_CANARY)) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        Http.Answer sent = http.post("api/v1/leads/" + LEAD + "/messages", admin, "{\"text\":\"Hygiene " + i + "\"}");
        responses.add(sent.body());
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        ids.add(sent.json().getString("id"));
      }
      awaitSent(http, admin, ids, responses);
      for (String id : ids) {
        responses.add(http.get("api/v1/leads/" + LEAD + "/messages", admin).body());
        String wamid = wamidOf(http, admin, id);
        responses.add(signed(http, status(wamid, "delivered")).body());
        responses.add(signed(http, status(wamid, "failed")).body());
      }
      responses.add(signed(http, inbound("wamid.HYGIENE." + UUID.randomUUID())).body());

      Http.Answer account = http.post("api/v1/accounts", admin, "{\"name\":\"Hygiene\",\"phoneNumber\":"
          + "\"+6281100000008\",\"provider\":\"cloud-api\",\"senderId\":\"hygiene-" + System.nanoTime()
          + "\",\"credentials\":\"" + ACCOUNT_TOKEN_CANARY + "\"}");
      responses.add(account.body());
      assertThat(account.status()).as(account.body()).isEqualTo(201);
      String accountId = account.json().getString("id");
      responses.add(http.get("api/v1/accounts", admin).body());
      responses.add(http.post("api/v1/accounts/" + accountId + "/test", admin, "").body());
      responses.add(http.get("api/v1/leads/" + LEAD + "/whatsapp-summary", admin).body());
      responses.add(http.get("api/v1/inbound/unmatched", admin).body());
      responses.add(http.get("api/v1/consent", admin).body());
      responses.add(http.get("api/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1",
          null).body());
      exports.addAll(campaignExports(http, admin, responses));
    }

    List<String> leaks = new ArrayList<>();
    for (String response : responses) {
      secrets.stream().filter(response::contains).forEach(s -> leaks.add("response contains a secret canary"));
    }
    for (String export : exports) {
      secrets.stream().filter(export::contains).forEach(s -> leaks.add("export contains a secret canary"));
    }
    if (exports.get(0).contains(PHONE_DIGITS.substring(2))) {
      leaks.add("a marketer's export contains the phone unmasked");
    }
    leaks.addAll(databaseLeaks(secrets));
    String log = serverLog(Path.of(System.getProperty("reliability.server.log")));
    secrets.stream().filter(log::contains).forEach(s -> leaks.add("server log contains a secret canary"));
    if (log.contains(PHONE_DIGITS.substring(2))) {
      leaks.add("server log contains the phone unmasked");
    }
    List<String> deadLetters = deadLetters();
    for (String letter : deadLetters) {
      secrets.stream().filter(letter::contains).forEach(s -> leaks.add("dead letter contains a secret canary"));
      if (letter.contains(PHONE_DIGITS.substring(2))) {
        leaks.add("dead letter contains the phone unmasked");
      }
    }
    ReliabilityRun.figure("secret-hygiene", "responses checked", responses.size());
    ReliabilityRun.figure("secret-hygiene", "exports checked", exports.size());
    ReliabilityRun.figure("secret-hygiene", "server log bytes checked", log.length());
    ReliabilityRun.figure("secret-hygiene", "dead letters checked", deadLetters.size());
    ReliabilityRun.figure("secret-hygiene", "leaks", leaks.size());
    assertThat(log).as("the server log was written, or it proves nothing").contains("WhatsApp plugin ready");
    assertThat(leaks).isEmpty();
  }

  /**
   * A campaign to the canary lead, sent through the stub, then exported by a marketer (first) and by the
   * admin: the two CSV files.
   */
  private static List<String> campaignExports(Http http, String admin, List<String> responses) throws Exception {
    String name = "hygiene_" + Long.toString(System.nanoTime(), 36);
    Http.Answer template = http.post("api/v1/templates", admin, "{\"name\":\"" + name + "\",\"language\":\"en_US\","
        + "\"category\":\"MARKETING\",\"body\":\"Hi {{1}}, all clean.\",\"examples\":{\"body.1\":\"Ayu\"}}");
    assertThat(template.status()).as(template.body()).isEqualTo(201);
    String templateId = template.json().getString("id");
    http.post("api/v1/templates/" + templateId + "/submit", admin, "");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!http.get("api/v1/templates/" + templateId, admin).json().getString("status").equals("APPROVED")) {
      assertThat(System.nanoTime()).as("template approved in time").isLessThan(deadline);
      Thread.sleep(500);
    }
    Http.Answer created = http.post("api/v1/campaigns", admin, "{\"name\":\"Hygiene\",\"templateId\":\""
        + templateId + "\",\"bindings\":{\"body.1\":{\"source\":\"lead\",\"field\":\"first_name\","
        + "\"fallback\":\"there\"}},\"audience\":{\"source\":\"leads\",\"leadIds\":[\"" + LEAD + "\"]}}");
    responses.add(created.body());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().getString("id");
    responses.add(http.post("api/v1/campaigns/" + id + "/launch", admin, "").body());
    deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    Http.Answer stats = http.get("api/v1/campaigns/" + id + "/stats", admin);
    while (stats.json().getJsonObject("counts").getInt("sent", 0) + stats.json().getJsonObject("counts")
        .getInt("delivered", 0) < 1) {
      assertThat(System.nanoTime()).as("campaign sent in time: %s", stats.body()).isLessThan(deadline);
      Thread.sleep(500);
      stats = http.get("api/v1/campaigns/" + id + "/stats", admin);
    }
    responses.add(stats.body());
    Http.Answer marketer = http.get("api/v1/campaigns/" + id + "/export", ReliabilityRun.token("acme", "marketing"));
    Http.Answer whole = http.get("api/v1/campaigns/" + id + "/export", admin);
    assertThat(marketer.status()).as(marketer.body()).isEqualTo(200);
    assertThat(whole.status()).as(whole.body()).isEqualTo(200);
    assertThat(marketer.body()).as("the marketer's export holds the recipient, masked")
        .contains("+62" + "*".repeat(PHONE_DIGITS.length() - 4) + PHONE_DIGITS.substring(PHONE_DIGITS.length() - 2));
    assertThat(whole.body()).as("the admin's export holds the recipient whole").contains(PHONE_DIGITS);
    return List.of(marketer.body(), whole.body());
  }

  /** The server's log: Payara's file handler writes {@code <name>.0}, and rotates to further numbers. */
  private static String serverLog(Path named) throws java.io.IOException {
    StringBuilder log = new StringBuilder();
    try (var files = Files.list(named.getParent())) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith(named.getFileName().toString()))
          .sorted().toList()) {
        log.append(Files.readString(file, StandardCharsets.ISO_8859_1));
      }
    }
    return log.toString();
  }

  /** Every text column of every table of the plugin's database, searched for each canary. */
  private static List<String> databaseLeaks(List<String> secrets) throws Exception {
    List<String> leaks = new ArrayList<>();
    try (java.sql.Connection db = ReliabilityRun.database();
        ResultSet columns = db.createStatement().executeQuery("select table_name, column_name from"
            + " information_schema.columns where table_schema = current_schema() and data_type in"
            + " ('text', 'character varying', 'character')")) {
      List<String[]> textColumns = new ArrayList<>();
      while (columns.next()) {
        textColumns.add(new String[] {columns.getString(1), columns.getString(2)});
      }
      for (String[] column : textColumns) {
        for (String secret : secrets) {
          if (ReliabilityRun.count(db, "select count(*) from \"" + column[0] + "\" where \"" + column[1]
              + "\" like ?", "%" + secret + "%") > 0) {
            leaks.add("database column " + column[0] + "." + column[1] + " holds a secret canary");
          }
        }
      }
      assertThat(textColumns).as("text columns found").hasSizeGreaterThan(20);
    }
    return leaks;
  }

  /** The dead-letter queue's messages, browsed (left in place) on the server's broker, by its full name. */
  private static List<String> deadLetters() throws Exception {
    List<String> letters = new ArrayList<>();
    ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
        "tcp://127.0.0.1:" + System.getProperty("it.jms.port"));
    try (factory; Connection connection = factory.createConnection()) {
      connection.start();
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      QueueBrowser browser = session.createBrowser(session.createQueue("DLA::wa.dispatch.dlq"));
      for (var e = browser.getEnumeration(); e.hasMoreElements(); ) {
        Message message = (Message) e.nextElement();
        letters.add(message instanceof TextMessage text ? text.getText() : message.toString());
      }
    }
    return letters;
  }

  private static void awaitSent(Http http, String admin, List<String> ids, List<String> responses)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      String body = http.get("api/v1/leads/" + LEAD + "/messages?limit=50", admin).body();
      responses.add(body);
      if (ids.stream().allMatch(id -> wamidOf(http, admin, id) != null)) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("messages were not sent through the stub in time");
  }

  private static String wamidOf(Http http, String admin, String id) {
    return http.get("api/v1/leads/" + LEAD + "/messages?limit=50", admin).json().getJsonArray("items")
        .getValuesAs(jakarta.json.JsonObject.class).stream()
        .filter(m -> m.getString("id").equals(id))
        .map(m -> m.getString("providerMessageId", null))
        .findFirst().orElse(null);
  }

  private static Http.Answer signed(Http http, byte[] body) {
    return http.postBytes("api/v1/webhooks/whatsapp", body, Map.of("X-Hub-Signature-256",
        WebhookSignature.sign(ReliabilityRun.APP_SECRET.getBytes(StandardCharsets.UTF_8), body)));
  }

  private static byte[] status(String wamid, String status) {
    return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"waba\",\"changes\":[{\"field\":"
        + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":"
        + "\"it-phone-number-id\"},\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"" + status + "\","
        + "\"timestamp\":\"1767225600\",\"recipient_id\":\"" + PHONE_DIGITS + "\""
        + (status.equals("failed") ? ",\"errors\":[{\"code\":131026,\"title\":\"Message undeliverable\"}]" : "")
        + "}]}}]}]}").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] inbound(String wamid) {
    return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"waba\",\"changes\":[{\"field\":"
        + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":"
        + "\"sandbox-number-1\"},\"messages\":[{\"from\":\"" + PHONE_DIGITS + "\",\"id\":\"" + wamid
        + "\",\"timestamp\":\"1767225600\",\"type\":\"text\",\"text\":{\"body\":\"hello\"}}]}}]}]}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
