package dev.crm.whatsapp.it;

import static org.assertj.core.api.Assertions.assertThat;

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
 * outage. Afterwards every message holds exactly its last status, and the per-lead counters the API shows
 * agree with the rows (the storm's messages go to acme's demo leads 1 to 20).
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
    try (Connection db = ReliabilityRun.database()) {
      seed(db, run, messages);
      for (int i = 0; i < messages; i++) {
        String wamid = wamid(run, i);
        String last = FINAL[random.nextInt(FINAL.length)];
        expected.put(wamid, last);
        List<String> life = last.equals("failed") ? List.of("sent", "failed")
            : last.equals("read") ? List.of("sent", "delivered", "read") : List.of("sent", "delivered");
        for (int step = 0; step < life.size(); step++) {
          int copies = 1 + random.nextInt(3);
          for (int c = 0; c < copies; c++) {
            storm.add(new Status(wamid, life.get(step), t0 + i + step * 60L));
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

      Http http = new Http(base.toURI());
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
      ReliabilityRun.figure("webhook-storm", "messages", messages);
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
    }
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
