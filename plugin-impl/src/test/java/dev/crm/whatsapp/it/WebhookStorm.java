package dev.crm.whatsapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.testing.GraphApiStub;
import dev.crm.whatsapp.webhooks.WebhookSignature;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A storm of status webhooks on the real endpoint: for N sent messages (10,000 by default), each status
 * of each message's life (sent, delivered, read; or sent, failed) is delivered one to three times, all
 * shuffled and posted in signed batches of 1 to 50 statuses by four senders at once, as Meta does after an
 * outage. Afterwards every message holds exactly its last status, and the counters the API shows agree:
 * the per-lead summaries with the rows (the storm's messages go to acme's demo leads 1 to 20), and a real
 * campaign's statistics — kept as counters that every status change moves, never counted from rows — with
 * both the statuses the storm meant and the campaign's recipient rows. That campaign's messages (a tenth
 * of N) are sent first through the Cloud API provider to the Graph API stub, and their statuses are
 * shuffled into the same storm.
 */
final class WebhookStorm {
  private static final String WEBHOOK = "api/v1/webhooks/whatsapp";
  private static final String[] FINAL = {"delivered", "read", "failed"};
  private static final int LEADS = 20;

  private final URL base;

  WebhookStorm(URL base) {
    this.base = base;
  }

  private record Status(String wamid, String status, long at) {}

  void everyMessageEndsWithExactlyItsLastStatusAndTheCountersAgree() throws Exception {
    int messages = ReliabilityRun.count();
    Random random = new Random(Long.getLong("reliability.seed", 9L));
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> expected = new HashMap<>();
    List<Status> storm = new ArrayList<>();
    long t0 = Instant.parse("2026-03-01T00:00:00Z").getEpochSecond();
    Http http = new Http(base.toURI());
    String admin = ReliabilityRun.token("acme", "admin");
    try (Connection db = ReliabilityRun.database()) {
      seed(db, run, messages);
      List<String> wamids = new ArrayList<>();
      for (int i = 0; i < messages; i++) {
        wamids.add(wamid(run, i));
      }
      String campaign;
      List<String> campaignWamids;
      try (GraphApiStub stub = GraphApiStub.start(Integer.getInteger("it.stub.port"),
          ReliabilityRun.GRAPH_TOKEN_CANARY)) {
        campaign = sentCampaign(http, admin, run, Math.max(100, messages / 10));
        campaignWamids = providerIds(db, campaign);
      }
      long sentAt = Instant.now().getEpochSecond();
      wamids.addAll(campaignWamids);
      for (int i = 0; i < wamids.size(); i++) {
        String wamid = wamids.get(i);
        // the seeded messages' statuses come in March; the campaign's just after it sent them
        long at = i < messages ? t0 + i : sentAt + 1 + (i - messages) % 120;
        String last = FINAL[random.nextInt(FINAL.length)];
        expected.put(wamid, last);
        List<String> life = last.equals("failed") ? List.of("sent", "failed")
            : last.equals("read") ? List.of("sent", "delivered", "read") : List.of("sent", "delivered");
        for (int step = 0; step < life.size(); step++) {
          int copies = 1 + random.nextInt(3);
          for (int c = 0; c < copies; c++) {
            storm.add(new Status(wamid, life.get(step), at + step * 60L));
          }
        }
      }
      Collections.shuffle(storm, random);
      List<byte[]> batches = new ArrayList<>();
      for (int from = 0; from < storm.size(); ) {
        int size = 1 + random.nextInt(50);
        batches.add(body(storm.subList(from, Math.min(storm.size(), from + size))));
        from += size;
      }

      byte[] secret = ReliabilityRun.APP_SECRET.getBytes(StandardCharsets.UTF_8);
      long started = System.nanoTime();
      ExecutorService senders = Executors.newFixedThreadPool(4);
      List<Future<Integer>> answers = new ArrayList<>();
      for (byte[] batch : batches) {
        answers.add(senders.submit(() -> http.postBytes(WEBHOOK, batch,
            Map.of("X-Hub-Signature-256", WebhookSignature.sign(secret, batch))).status()));
      }
      List<Integer> notOk = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        if (answer.get() != 200) {
          notOk.add(answer.get());
        }
      }
      senders.shutdown();
      double seconds = (System.nanoTime() - started) / 1e9;
      assertThat(notOk).as("webhook answers other than 200").isEmpty();

      // An event that failed to apply (stored, answered 200) is retried every minute by WebhookRetry, as
      // Meta would redeliver it: give the retry its chance before judging.
      long retried = ReliabilityRun.count(db, "select count(*) from wa_webhook_event where attempts > 1"
          + " or processed_at is null");
      long drainDeadline = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
      while (ReliabilityRun.count(db, "select count(*) from wa_webhook_event where processed_at is null") > 0
          && System.nanoTime() < drainDeadline) {
        Thread.sleep(1000);
      }
      long wrong = ReliabilityRun.count(db, "select count(*) from wa_message m join (select * from unnest(?::text[], ?::text[])"
          + " as e(wamid, status)) e on e.wamid = m.provider_message_id where m.status <> upper(e.status)",
          expected.keySet().toArray(String[]::new), expected.keySet().stream().map(expected::get).toArray(String[]::new));
      long stored = ReliabilityRun.count(db, "select count(*) from wa_message where provider_message_id like ?",
          "wamid.STORM." + run + ".%");
      long pending = ReliabilityRun.count(db, "select count(*) from wa_webhook_event where processed_at is null");
      ReliabilityRun.figure("webhook-storm", "messages", wamids.size());
      ReliabilityRun.figure("webhook-storm", "of them a campaign's", campaignWamids.size());
      ReliabilityRun.figure("webhook-storm", "statuses posted", storm.size());
      ReliabilityRun.figure("webhook-storm", "requests", batches.size());
      ReliabilityRun.figure("webhook-storm", "seconds", String.format("%.1f", seconds));
      ReliabilityRun.figure("webhook-storm", "statuses per second", String.format("%.0f", storm.size() / seconds));
      ReliabilityRun.figure("webhook-storm", "events applied only by the retry", retried);
      ReliabilityRun.figure("webhook-storm", "wrong final statuses", wrong);
      ReliabilityRun.figure("webhook-storm", "events left unprocessed", pending);
      assertThat(stored).isEqualTo(messages);
      assertThat(wrong).as("messages whose final status is not their last one").isZero();
      assertThat(pending).as("stored webhook events not applied").isZero();

      countersAgreeWithRows(http, db);
      campaignCountersAgree(http, admin, db, campaign, campaignWamids.stream().map(expected::get).toList());
    }
  }

  /**
   * A campaign of {@code recipients} list recipients (uploaded as CSV) on a Cloud API number of its own,
   * launched and waited for until every recipient is {@code sent}: the provider ids are the stub's.
   */
  private static String sentCampaign(Http http, String admin, String run, int recipients) throws Exception {
    Http.Answer account = http.post("api/v1/accounts", admin, "{\"name\":\"Storm " + run + "\",\"phoneNumber\":"
        + "\"+6281100000077\",\"provider\":\"cloud-api\",\"senderId\":\"storm-" + run + "\",\"credentials\":\""
        + ReliabilityRun.GRAPH_TOKEN_CANARY + "\",\"mpsLimit\":1000}");
    assertThat(account.status()).as(account.body()).isEqualTo(201);
    String template = approvedTemplate(http, admin, "storm_" + run);
    Http.Answer created = http.post("api/v1/campaigns", admin, "{\"name\":\"Storm " + run + "\",\"templateId\":\""
        + template + "\",\"bindings\":{\"body.1\":{\"source\":\"recipient\",\"field\":\"name\","
        + "\"fallback\":\"there\"}},\"audience\":{\"source\":\"list\"},\"senderAccountId\":\""
        + account.json().getString("id") + "\",\"throttlePerMinute\":60000}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().getString("id");
    StringBuilder csv = new StringBuilder("name,phone\n");
    for (int i = 0; i < recipients; i++) {
      csv.append("Storm ").append(i).append(",+62813").append(String.format("%07d", i)).append('\n');
    }
    Http.Answer upload = http.postText("api/v1/campaigns/" + id + "/recipients/csv", admin, csv.toString(), "text/csv");
    assertThat(upload.status()).as(upload.body()).isEqualTo(200);
    assertThat(upload.json().getInt("added")).isEqualTo(recipients);
    Http.Answer launched = http.post("api/v1/campaigns/" + id + "/launch", admin, "");
    assertThat(launched.status()).as(launched.body()).isEqualTo(200);
    long deadline = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
    JsonObject stats = http.get("api/v1/campaigns/" + id + "/stats", admin).json();
    while (stats.getJsonObject("counts").getInt("sent", 0) < recipients && System.nanoTime() < deadline) {
      Thread.sleep(1000);
      stats = http.get("api/v1/campaigns/" + id + "/stats", admin).json();
    }
    assertThat(stats.getJsonObject("counts").getInt("sent", 0)).as("campaign recipients sent: %s", stats)
        .isEqualTo(recipients);
    return id;
  }

  /** An approved template (the sandbox catalog approves it a few seconds after submission). */
  private static String approvedTemplate(Http http, String admin, String name) throws InterruptedException {
    Http.Answer created = http.post("api/v1/templates", admin, "{\"name\":\"" + name + "\",\"language\":\"en_US\","
        + "\"category\":\"MARKETING\",\"body\":\"Hi {{1}}, the storm is over.\",\"examples\":{\"body.1\":\"Ayu\"}}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().getString("id");
    http.post("api/v1/templates/" + id + "/submit", admin, "");
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    while (!http.get("api/v1/templates/" + id, admin).json().getString("status").equals("APPROVED")) {
      assertThat(System.nanoTime()).as("template approved in time").isLessThan(deadline);
      Thread.sleep(500);
    }
    return id;
  }

  private static List<String> providerIds(Connection db, String campaign) throws Exception {
    List<String> ids = new ArrayList<>();
    try (var query = db.prepareStatement("select provider_message_id from wa_message where campaign_id = ?"
        + " and provider_message_id is not null order by provider_message_id")) {
      query.setString(1, campaign);
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }

  /**
   * The campaign's statistics against what the storm meant and against its recipient rows: recipients now
   * in each status, and the events of the timeline, each message's counted once however often its
   * statuses came (read counts as delivered).
   */
  private static void campaignCountersAgree(Http http, String admin, Connection db, String campaign,
      List<String> finals) throws Exception {
    JsonObject stats = http.get("api/v1/campaigns/" + campaign + "/stats", admin).json();
    JsonObject counts = stats.getJsonObject("counts");
    long read = finals.stream().filter("read"::equals).count();
    long delivered = finals.stream().filter("delivered"::equals).count();
    long failed = finals.stream().filter("failed"::equals).count();
    Map<String, Long> meant = Map.of("sent", 0L, "delivered", delivered, "read", read, "failed", failed);
    long wrongCounters = 0;
    for (var status : meant.entrySet()) {
      long rows = ReliabilityRun.count(db, "select count(*) from wa_campaign_recipient where campaign_id = ?"
          + " and status = upper(?)", campaign, status.getKey());
      long shown = counts.getInt(status.getKey(), 0);
      if (shown != status.getValue() || shown != rows) {
        wrongCounters++;
      }
      assertThat(shown).as("campaign counter %s (rows: %d)", status.getKey(), rows).isEqualTo(status.getValue())
          .isEqualTo(rows);
    }
    assertThat(stats.getInt("total")).isEqualTo(finals.size());
    Map<String, Long> events = new HashMap<>();
    for (JsonObject point : stats.getJsonObject("timeline").getJsonArray("points").getValuesAs(JsonObject.class)) {
      for (String event : List.of("sent", "delivered", "read", "failed")) {
        events.merge(event, (long) point.getInt(event, 0), Long::sum);
      }
    }
    ReliabilityRun.figure("webhook-storm", "campaign counters wrong", wrongCounters);
    ReliabilityRun.figure("webhook-storm", "campaign events (sent/delivered/read/failed)", events.get("sent") + "/"
        + events.get("delivered") + "/" + events.get("read") + "/" + events.get("failed"));
    assertThat(events).as("timeline events").containsEntry("sent", (long) finals.size())
        .containsEntry("delivered", delivered + read).containsEntry("read", read).containsEntry("failed", failed);
  }

  /**
   * The counters of this branch: each lead's summary ({@code byStatus}, {@code total}) against a count of
   * its rows. Campaign counters, where they exist, belong here too.
   */
  private static void countersAgreeWithRows(Http http, Connection db) throws Exception {
    String rep = ReliabilityRun.token("acme", "admin");
    for (int lead = 0; lead < LEADS; lead++) {
      String leadId = leadId(lead);
      JsonObject summary = http.get("api/v1/leads/" + leadId + "/whatsapp-summary", rep).json();
      JsonObject byStatus = summary.getJsonObject("byStatus");
      for (String status : List.of("sent", "delivered", "read", "failed")) {
        long rows = ReliabilityRun.count(db,
            "select count(*) from wa_message where tenant_id = 'acme' and lead_id = ? and status = upper(?)", leadId,
            status);
        long shown = byStatus.containsKey(status) ? byStatus.getJsonNumber(status).longValue() : 0;
        assertThat(shown).as("lead %s, %s", leadId, status).isEqualTo(rows);
      }
      assertThat(summary.getJsonNumber("total").longValue()).isEqualTo(
          ReliabilityRun.count(db, "select count(*) from wa_message where tenant_id = 'acme' and lead_id = ?", leadId));
    }
  }

  /** N sent outbound messages, spread over a few leads, as the dispatcher leaves them. */
  private static void seed(Connection db, String run, int messages) throws Exception {
    Timestamp now = Timestamp.from(Instant.now());
    try (var insert = db.prepareStatement("insert into wa_message (id, tenant_id, lead_id, direction, phone, body,"
        + " status, provider, sender_id, provider_message_id, created_at, sent_at, attempts)"
        + " values (?, 'acme', ?, 'OUTBOUND', ?, 'storm', 'SENT', 'cloud-api', 'it-phone-number-id', ?, ?, ?, 1)")) {
      for (int i = 0; i < messages; i++) {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, leadId(i % LEADS));
        insert.setString(3, "+62812" + String.format("%07d", i));
        insert.setString(4, wamid(run, i));
        insert.setTimestamp(5, now);
        insert.setTimestamp(6, now);
        insert.addBatch();
        if (i % 1000 == 999) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
  }

  /** acme's demo leads 1 to 20: the summary answers only for leads the host knows. */
  private static String leadId(int lead) {
    return Integer.toString(lead + 1);
  }

  private static String wamid(String run, int i) {
    return "wamid.STORM." + run + "." + i;
  }

  private static byte[] body(List<Status> statuses) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (Status s : statuses) {
      var item = Json.createObjectBuilder().add("id", s.wamid()).add("status", s.status())
          .add("timestamp", Long.toString(s.at())).add("recipient_id", "6281200000000");
      if (s.status().equals("failed")) {
        item.add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder().add("code", 131026)
            .add("title", "Message undeliverable")));
      }
      items.add(item);
    }
    return Json.createObjectBuilder().add("object", "whatsapp_business_account")
        .add("entry", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "waba-storm")
            .add("changes", Json.createArrayBuilder().add(Json.createObjectBuilder().add("field", "messages")
                .add("value", Json.createObjectBuilder().add("messaging_product", "whatsapp")
                    .add("metadata", Json.createObjectBuilder().add("phone_number_id", "it-phone-number-id"))
                    .add("statuses", items))))))
        .build().toString().getBytes(StandardCharsets.UTF_8);
  }
}
