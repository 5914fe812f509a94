package dev.crm.whatsapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.webhooks.WebhookSignature;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * N forged webhook POSTs (10,000 by default), each one of the ways an attacker or a misconfigured proxy
 * gets it wrong: no signature, SHA-1 only, a signature of another body, one made with another secret, a
 * truncated, non-hex or empty signature, a valid signature with a changed body. Every one is refused
 * with 401 and nothing is stored: no webhook event, no inbound message, no status applied.
 */
final class Forgery {
  private static final String WEBHOOK = "api/v1/webhooks/whatsapp";

  private final URL base;

  Forgery(URL base) {
    this.base = base;
  }

  void everyForgedOrUnsignedWebhookIsRefusedAndNothingIsStored() throws Exception {
    int requests = ReliabilityRun.count();
    Random random = new Random(Long.getLong("reliability.seed", 9L));
    String run = UUID.randomUUID().toString().substring(0, 8);
    byte[] secret = ReliabilityRun.APP_SECRET.getBytes(StandardCharsets.UTF_8);
    byte[] otherSecret = "not-the-app-secret".getBytes(StandardCharsets.UTF_8);
    Http http = new Http(base.toURI());
    try (Connection db = ReliabilityRun.database()) {
      String targetWamid = "wamid.FORGERY." + run;
      db.createStatement().executeUpdate("insert into wa_message (id, tenant_id, lead_id, direction, phone, status,"
          + " provider, provider_message_id, created_at, sent_at, attempts) values ('" + UUID.randomUUID()
          + "', 'acme', '11', 'OUTBOUND', '+6281329189088', 'SENT', 'cloud-api', '" + targetWamid
          + "', now(), now(), 1)");
      long eventsBefore = ReliabilityRun.count(db, "select count(*) from wa_webhook_event");
      long messagesBefore = ReliabilityRun.count(db, "select count(*) from wa_message");

      Map<String, Integer> byKind = new HashMap<>();
      ExecutorService senders = Executors.newFixedThreadPool(4);
      List<Future<Integer>> answers = new ArrayList<>();
      long started = System.nanoTime();
      for (int i = 0; i < requests; i++) {
        byte[] body = i % 2 == 0
            ? inbound("wamid.FORGED." + run + "." + i, "forged " + run)
            : readStatus(targetWamid);
        int kind = random.nextInt(8);
        Map<String, String> headers = switch (kind) {
          case 0 -> Map.of();
          case 1 -> Map.of("X-Hub-Signature", "sha1=" + "ab".repeat(20));
          case 2 -> Map.of("X-Hub-Signature-256", WebhookSignature.sign(secret, readStatus("wamid.other." + i)));
          case 3 -> Map.of("X-Hub-Signature-256", WebhookSignature.sign(otherSecret, body));
          case 4 -> Map.of("X-Hub-Signature-256", WebhookSignature.sign(secret, body).substring(0, 40));
          case 5 -> Map.of("X-Hub-Signature-256", "sha256=" + "zz".repeat(32));
          case 6 -> Map.of("X-Hub-Signature-256", "");
          default -> Map.of("X-Hub-Signature-256", WebhookSignature.sign(secret, body));
        };
        byte[] sent = kind == 7 ? tamper(body) : body;
        byKind.merge(kindName(kind), 1, Integer::sum);
        answers.add(senders.submit(() -> http.postBytes(WEBHOOK, sent, headers).status()));
      }
      Map<Integer, Integer> statuses = new HashMap<>();
      for (Future<Integer> answer : answers) {
        statuses.merge(answer.get(), 1, Integer::sum);
      }
      senders.shutdown();
      double seconds = (System.nanoTime() - started) / 1e9;

      long eventsAfter = ReliabilityRun.count(db, "select count(*) from wa_webhook_event");
      long messagesAfter = ReliabilityRun.count(db, "select count(*) from wa_message");
      long forgedText = ReliabilityRun.count(db, "select count(*) from wa_message where body like ?", "%" + run + "%");
      long targetStatusChanged = ReliabilityRun.count(db,
          "select count(*) from wa_message where provider_message_id = ? and status <> 'SENT'", targetWamid);
      ReliabilityRun.figure("forgery", "requests", requests);
      ReliabilityRun.figure("forgery", "kinds", byKind);
      ReliabilityRun.figure("forgery", "answers", statuses);
      ReliabilityRun.figure("forgery", "seconds", String.format("%.1f", seconds));
      ReliabilityRun.figure("forgery", "events stored", eventsAfter - eventsBefore);
      ReliabilityRun.figure("forgery", "messages stored", messagesAfter - messagesBefore);
      assertThat(statuses).as("every forged request answered 401").containsOnlyKeys(401);
      assertThat(eventsAfter).as("webhook events stored").isEqualTo(eventsBefore);
      assertThat(messagesAfter).as("messages stored").isEqualTo(messagesBefore);
      assertThat(forgedText).isZero();
      assertThat(targetStatusChanged).as("forged read status applied").isZero();
    }
  }

  private static String kindName(int kind) {
    return List.of("unsigned", "sha1-only", "other-body", "other-secret", "truncated", "not-hex", "empty",
        "tampered-body").get(kind);
  }

  /** The signed body with one byte changed: what a proxy rewriting JSON would post. */
  private static byte[] tamper(byte[] body) {
    byte[] changed = body.clone();
    int at = changed.length / 2;
    changed[at] = (byte) (changed[at] == 'a' ? 'b' : 'a');
    return changed;
  }

  private static byte[] inbound(String wamid, String text) {
    return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"waba\",\"changes\":[{\"field\":"
        + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":"
        + "\"sandbox-number-1\"},\"messages\":[{\"from\":\"6281329189088\",\"id\":\"" + wamid
        + "\",\"timestamp\":\"1767225600\",\"type\":\"text\",\"text\":{\"body\":\"" + text + "\"}}]}}]}]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] readStatus(String wamid) {
    return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"waba\",\"changes\":[{\"field\":"
        + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":"
        + "\"it-phone-number-id\"},\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"read\","
        + "\"timestamp\":\"1767225600\",\"recipient_id\":\"6281329189088\"}]}}]}]}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
