package dev.crm.whatsapp.webhooks;

import static dev.crm.whatsapp.history.LeadMessageBuilder.T0;
import static dev.crm.whatsapp.history.LeadMessageBuilder.aMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.whatsapp.accounts.SecretBox;
import dev.crm.whatsapp.accounts.SenderAccount;
import dev.crm.whatsapp.accounts.SenderAccounts;
import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.consent.ConsentState;
import dev.crm.whatsapp.history.Direction;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.history.MessageStore;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.testing.PluginDatabase;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * WAHA webhooks posted to the gateway endpoint of one sender account, verified, stored and applied on
 * PostgreSQL over the demo host's leads (acme lead 1 is {@code 081363053471}).
 */
class GatewayWebhooksPgTest {
  private static final String HMAC_KEY = "waha-hmac-key";
  private static final String LEAD_1_DIGITS = "6281363053471";
  private static final OffsetDateTime NOW = T0.plusHours(1);
  private static final Clock CLOCK = Clock.fixed(NOW.toInstant(), ZoneOffset.UTC);
  private static final SecretBox BOX = SecretBox.of("k1:" + Base64.getEncoder().encodeToString(new byte[32]),
      new SecureRandom());

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.withDemoHostTablesEmptying("wa_webhook_event", "wa_message",
      "wa_unmatched_inbound", "wa_consent", "wa_erased_message", "wa_sender_account");

  private static MessageStore store;
  private final List<String> refusals = new java.util.ArrayList<>();
  private GatewayWebhookResource resource;
  private SenderAccount account;

  @BeforeAll
  static void openStore() {
    store = new MessageStore(database.persistence());
  }

  @BeforeEach
  void gatewayAccountOfAcme() {
    account = addAccount("+6281100000001", "{\"baseUrl\":\"http://waha:3000\",\"apiKey\":\"k\",\"session\":\"default\","
        + "\"webhookHmacKey\":\"" + HMAC_KEY + "\"}");
    resource = new GatewayWebhookResource();
    resource.keys = new GatewayWebhookKeys() {
      @Override
      public Optional<String> hmacKeyOf(String accountId) {
        return database.persistence().inTransaction(em -> GatewayWebhookKeys.over(SenderAccounts.over(em), BOX)
            .hmacKeyOf(accountId));
      }
    };
    resource.events = new WebhookEvents() {
      @Override
      public String store(String source, byte[] body) {
        return database.persistence().inTransaction(em -> events(em).store(source, body));
      }

      @Override
      public boolean process(String eventId) {
        return database.persistence().inTransaction(em -> events(em).process(eventId));
      }
    };
    refusals.clear();
    resource.refused = new RefusedWebhooks() {
      @Override
      void count(String reason) {
        refusals.add(reason);
      }
    };
  }

  @Test
  void aSignedAckIsStoredAndMovesItsMessageForward() {
    String id = sentAs("true_" + LEAD_1_DIGITS + "@c.us_3EB0A1");

    post(account.id(), ack("true_" + LEAD_1_DIGITS + "@c.us_3EB0A1", 2, "DEVICE", 10), HMAC_KEY);

    assertThat(store.find(id).status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(store.find(id).deliveredAt()).isAtSameInstantAs(T0.plusMinutes(10));
    assertThat(count("wa_webhook_event")).isEqualTo(1);
  }

  @Test
  void aWrongOrMissingSignatureIsRefusedAndNothingIsStored() {
    sentAs("true_x@c.us_1");
    byte[] body = ack("true_x@c.us_1", 3, "READ", 10);

    assertRefused(() -> resource.accept(account.id(), body, GatewayWebhookSignature.sign("another key", body),
        "sha512"));
    assertRefused(() -> resource.accept(account.id(), body, null, null));
    assertRefused(() -> resource.accept(account.id(), body, GatewayWebhookSignature.sign(HMAC_KEY, body), "sha256"));
    assertThat(count("wa_webhook_event")).isZero();
    assertThat(refusals).containsExactly("invalid_signature", "invalid_signature", "invalid_signature");
  }

  @Test
  void anUnknownAccountOrOneWithoutAnHmacKeyIsRefusedLikeABadSignature() {
    SenderAccount keyless = addAccount("+6281100000002", "{\"baseUrl\":\"http://waha:3000\",\"session\":\"s2\"}");
    byte[] body = ack("true_x@c.us_1", 3, "READ", 10);

    assertRefused(() -> post("no-such-account", body, HMAC_KEY));
    assertRefused(() -> post(keyless.id(), body, ""));
    assertThat(count("wa_webhook_event")).isZero();
    assertThat(refusals).containsExactly("no_secret", "no_secret");
  }

  @Test
  void ackLevelsMapToStatusesAndNeverMoveBackwards() {
    String read = sentAs("true_a@c.us_READ");
    String played = sentAs("true_a@c.us_PLAYED");
    String failed = sentAs("true_a@c.us_ERROR");
    String pending = sentAs("true_a@c.us_PENDING");

    post(account.id(), ack("true_a@c.us_READ", 3, "READ", 20), HMAC_KEY);
    post(account.id(), ack("true_a@c.us_READ", 2, "DEVICE", 15), HMAC_KEY); // late, reordered
    post(account.id(), ack("true_a@c.us_READ", 1, "SERVER", 12), HMAC_KEY);
    post(account.id(), ack("true_a@c.us_READ", 3, "READ", 20), HMAC_KEY); // duplicate
    post(account.id(), ack("true_a@c.us_PLAYED", 4, "PLAYED", 20), HMAC_KEY);
    post(account.id(), ack("true_a@c.us_ERROR", -1, "ERROR", 20), HMAC_KEY);
    post(account.id(), ack("true_a@c.us_PENDING", 0, "PENDING", 20), HMAC_KEY);

    assertThat(store.find(read).status()).isEqualTo(MessageStatus.READ);
    assertThat(store.find(read).readAt()).isAtSameInstantAs(T0.plusMinutes(20));
    assertThat(store.find(read).deliveredAt()).isAtSameInstantAs(T0.plusMinutes(15));
    assertThat(store.find(played).status()).isEqualTo(MessageStatus.READ);
    assertThat(store.find(failed).status()).isEqualTo(MessageStatus.FAILED);
    assertThat(store.find(failed).errorMessage()).hasValueSatisfying(e -> assertThat(e).contains("ack ERROR"));
    assertThat(store.find(pending).status()).isEqualTo(MessageStatus.SENT);
    assertThat(unprocessed()).isZero();
  }

  @Test
  void anAckWhoseMessageIsNotKnownYetWaitsForIt() {
    post(account.id(), ack("true_a@c.us_LATER", 2, "DEVICE", 10), HMAC_KEY);

    assertThat(unprocessed()).isEqualTo(1);
  }

  @Test
  void anInboundMessageGoesToTheAccountsTenantAndItsStopKeywordOptsOut() {
    post(account.id(), inbound("false_" + LEAD_1_DIGITS + "@c.us_IN1", LEAD_1_DIGITS + "@c.us", "Halo, masih ada?"),
        HMAC_KEY);
    post(account.id(), inbound("false_" + LEAD_1_DIGITS + "@c.us_IN2", LEAD_1_DIGITS + "@c.us", "STOP"), HMAC_KEY);

    List<LeadMessage> history = store.history(TenantId.of("acme"), LeadId.of("1"), Optional.empty(), 10);
    assertThat(history).extracting(LeadMessage::body).containsExactlyInAnyOrder("Halo, masih ada?", "STOP");
    assertThat(history).allSatisfy(m -> assertThat(m.direction()).isEqualTo(Direction.INBOUND));
    assertThat(database.persistence().inTransaction(em -> WebhookWiring.consent(em)
        .find(TenantId.of("acme"), PhoneNumber.of("+" + LEAD_1_DIGITS))).orElseThrow().state())
        .isEqualTo(ConsentState.OPTED_OUT);
  }

  @Test
  void groupMessagesAndOurOwnMessagesAreNotInbound() {
    post(account.id(), inbound("false_1203@g.us_G1", "120363000000000000@g.us", "hello group"), HMAC_KEY);

    assertThat(count("wa_message")).isZero();
    assertThat(count("wa_unmatched_inbound")).isZero();
  }

  @Test
  void aFailedSessionPausesTheNumberAndWorkingResumesItButAnOlderReportChangesNothing() {
    post(account.id(), session("FAILED", 10), HMAC_KEY);
    assertThat(reloaded().status().wireName()).isEqualTo("paused");
    assertThat(reloaded().statusReason()).contains("gateway session is FAILED");
    assertThat(reloaded().lastConnectionOk()).contains(false);

    post(account.id(), session("WORKING", 20), HMAC_KEY);
    post(account.id(), session("SCAN_QR_CODE", 15), HMAC_KEY); // older, arriving late

    assertThat(reloaded().status().wireName()).isEqualTo("active");
    assertThat(reloaded().sessionStatus()).contains("WORKING");
    assertThat(reloaded().lastConnectionOk()).contains(true);
  }

  @Test
  void aNumberPausedBecauseASendFoundTheSessionDownResumesWhenTheSessionWorks() {
    database.persistence().run(em -> em.createNativeQuery("UPDATE wa_sender_account SET status = 'PAUSED',"
        + " status_reason = '(#-2) gateway session is SCAN_QR_CODE, not WORKING: gateway session not linked'"
        + " WHERE id = ?").setParameter(1, account.id()).executeUpdate());

    post(account.id(), session("WORKING", 20), HMAC_KEY);

    assertThat(reloaded().status().wireName()).isEqualTo("active");
  }

  @Test
  void aNumberAnAdminPausedStaysPausedWhenTheSessionWorks() {
    database.persistence().run(em -> em.createNativeQuery("UPDATE wa_sender_account SET status = 'PAUSED',"
        + " status_reason = 'set by an admin' WHERE id = ?").setParameter(1, account.id()).executeUpdate());

    post(account.id(), session("WORKING", 20), HMAC_KEY);

    assertThat(reloaded().status().wireName()).isEqualTo("paused");
    assertThat(reloaded().statusReason()).contains("set by an admin");
  }

  private void post(String accountId, byte[] body, String key) {
    resource.accept(accountId, body, GatewayWebhookSignature.sign(key.isEmpty() ? "x" : key, body), "sha512");
  }

  private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
  }

  private static WebhookEvents events(jakarta.persistence.EntityManager em) {
    return WebhookWiring.events(em, database.schema().dataSource(), CLOCK);
  }

  private SenderAccount addAccount(String phone, String credentials) {
    SenderAccount created = SenderAccount.create("acme", "WhatsApp Web line", phone, "gateway", "sess-" + phone,
        BOX.seal(credentials), 20, null, T0);
    database.persistence().run(em -> SenderAccounts.over(em).add(created));
    return created;
  }

  private SenderAccount reloaded() {
    return database.persistence().inTransaction(em -> SenderAccounts.over(em).byId(account.id()).orElseThrow());
  }

  private String sentAs(String providerId) {
    return store.accepted(aMessage().build(), providerId, T0);
  }

  private static byte[] ack(String id, int ack, String ackName, int minute) {
    return event("message.ack", minute, "{\"id\":\"" + id + "\",\"from\":\"6281100000001@c.us\",\"fromMe\":true,"
        + "\"to\":\"" + LEAD_1_DIGITS + "@c.us\",\"ack\":" + ack + ",\"ackName\":\"" + ackName + "\"}");
  }

  private static byte[] inbound(String id, String from, String text) {
    return event("message", 30, "{\"id\":\"" + id + "\",\"timestamp\":" + T0.plusMinutes(30).toEpochSecond()
        + ",\"from\":\"" + from + "\",\"fromMe\":false,\"to\":\"6281100000001@c.us\",\"body\":\"" + text
        + "\",\"hasMedia\":false,\"media\":null,\"ack\":1,\"ackName\":\"SERVER\",\"_data\":{\"notifyName\":\"Budi\"}}");
  }

  private static byte[] session(String status, int minute) {
    return event("session.status", minute, "{\"status\":\"" + status + "\"}");
  }

  /** A WAHA webhook envelope; {@code timestamp} is in milliseconds. */
  private static byte[] event(String name, int minute, String payload) {
    return ("{\"id\":\"evt_" + name + minute + "\",\"timestamp\":" + T0.plusMinutes(minute).toInstant().toEpochMilli()
        + ",\"session\":\"default\",\"engine\":\"WEBJS\",\"event\":\"" + name + "\",\"payload\":" + payload
        + ",\"me\":{\"id\":\"6281100000001@c.us\",\"pushName\":\"Sales\"},\"environment\":{\"tier\":\"CORE\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private long unprocessed() {
    return database.persistence().inTransaction(em -> ((Number) em.createNativeQuery(
        "SELECT COUNT(*) FROM wa_webhook_event WHERE processed_at IS NULL").getSingleResult()).longValue());
  }

  private long count(String table) {
    return database.persistence().inTransaction(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table)
        .getSingleResult()).longValue());
  }
}
