package dev.crm.whatsapp.dispatch;

import static dev.crm.whatsapp.history.LeadMessageBuilder.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.provider.MessagingProvider;
import dev.crm.whatsapp.api.provider.OutboundMessage;
import dev.crm.whatsapp.api.provider.SendOutcome;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.consent.ConsentRegistry;
import dev.crm.whatsapp.consent.PhoneHasher;
import dev.crm.whatsapp.history.LeadMessages;
import dev.crm.whatsapp.history.MessageStore;
import dev.crm.whatsapp.providers.Providers.Route;
import dev.crm.whatsapp.testing.PluginDatabase;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A number's 24-hour messaging tier on PostgreSQL: unique recipients of its templates in any rolling 24
 * hours never exceed the tier; a recipient beyond it waits (deferred, not failed) until there is room.
 */
class MessagingTierPgTest {
  private static final OffsetDateTime NOW = T0.plusDays(2);
  private static final String NUMBER = "sales-line";

  @RegisterExtension
  static final PluginDatabase database =
      PluginDatabase.emptying("wa_campaign_recipient", "wa_campaign", "wa_message");

  private static MessageStore store;

  @BeforeAll
  static void openPersistenceUnit() {
    store = new MessageStore(database.persistence());
  }

  private static final MessagingProvider CLOUD_API = new MessagingProvider() {
    @Override
    public String type() {
      return "cloud-api";
    }

    @Override
    public SendOutcome send(OutboundMessage message) {
      throw new AssertionError("the tier never sends");
    }
  };

  private static Route number(String senderId, int tier) {
    return new Route(CLOUD_API, senderId, "account-" + senderId, 80, null, tier, "Sales line");
  }

  private <T> T withClaims(Function<SendClaims, T> work) {
    return database.persistence().inTransaction(em -> {
      SendClaims claims = SendClaims.over(em, database.schema().dataSource(),
          ConsentRegistry.over(em, PhoneHasher.withKey("test-hash-key")),
          Clock.fixed(NOW.toInstant(), ZoneOffset.UTC));
      return work.apply(claims);
    });
  }

  private static String queuedTemplate(String phone) {
    LeadMessage message = LeadMessage.outboundTemplate(TenantId.of("acme"), LeadId.of("lead" + phone),
        PhoneNumber.of(phone), "Promo", "template-1", "promo", null, "campaign:c1", NOW.minusHours(30));
    message.markQueued(NOW.minusHours(30));
    return store.add(message);
  }

  /** A template the number sent to {@code phone} at {@code at}. */
  private static String templateSent(String senderId, String phone, OffsetDateTime at) {
    String id = queuedTemplate(phone);
    database.persistence().run(em -> {
      LeadMessages.over(em).claim(id, "cloud-api", senderId, at);
      LeadMessages.over(em).recordAccepted(id, "cloud-api", senderId, "wamid." + id, at);
    });
    return id;
  }

  private SendClaims.TierClaim claim(String messageId, Route route) {
    return withClaims(claims -> claims.claimWithinTier(messageId, route));
  }

  private static long uniqueRecipients(String senderId) {
    return database.persistence().inTransaction(em -> MessagingTier.over(em).uniqueRecipients("cloud-api",
        senderId, NOW));
  }

  @Test
  void aNumberAtItsTierDefersANewRecipientUntilTheEarliestRecipientLeavesTheRollingWindow() {
    templateSent(NUMBER, "+6281100000001", NOW.minusHours(20));
    templateSent(NUMBER, "+6281100000002", NOW.minusHours(10));
    templateSent(NUMBER, "+6281100000003", NOW.minusHours(1));
    templateSent(NUMBER, "+6281100000001", NOW.minusHours(5)); // the same recipient again, later
    String fourth = queuedTemplate("+6281100000004");

    SendClaims.TierClaim outcome = claim(fourth, number(NUMBER, 3));

    assertThat(outcome.claim()).isInstanceOf(Claim.Lost.class);
    assertThat(outcome.deferredUntil()).hasValueSatisfying(at ->
        assertThat(at.toInstant()).isEqualTo(NOW.plusHours(14).toInstant()));
    LeadMessage waiting = store.find(fourth);
    assertThat(waiting.status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(waiting.attempts()).isZero();
    assertThat(waiting.nextAttemptAt()).hasValueSatisfying(at ->
        assertThat(at.toInstant()).isEqualTo(NOW.plusHours(14).toInstant()));
    assertThat(waiting.errorMessage()).hasValueSatisfying(why ->
        assertThat(why).contains("Sales line's 24-hour messaging limit (3 unique recipients)"));
    assertThat(uniqueRecipients(NUMBER)).isEqualTo(3);
  }

  @Test
  void aDeferredRecipientIsPublishedAgainOnlyWhenThereIsRoom() {
    templateSent(NUMBER, "+6281100000001", NOW.minusHours(23));
    String waiting = queuedTemplate("+6281100000002");
    claim(waiting, number(NUMBER, 1));

    List<SendAttempts.Due> early = database.persistence().inTransaction(em ->
        SendAttempts.over(em).takeDue(NOW.plusMinutes(59), 10));
    List<SendAttempts.Due> due = database.persistence().inTransaction(em ->
        SendAttempts.over(em).takeDue(NOW.plusHours(1), 10));

    assertThat(early).isEmpty();
    assertThat(due).extracting(SendAttempts.Due::id).containsExactly(waiting);
    assertThat(due.get(0).attempts()).as("no attempt was counted for the wait").isZero();
  }

  @Test
  void aRecipientTheNumberAlreadyReachedInTheWindowIsSentToAtTheLimit() {
    templateSent(NUMBER, "+6281100000001", NOW.minusHours(20));
    templateSent(NUMBER, "+6281100000002", NOW.minusHours(10));
    String again = queuedTemplate("+6281100000001");

    SendClaims.TierClaim outcome = claim(again, number(NUMBER, 2));

    assertThat(outcome.deferredUntil()).isEmpty();
    assertThat(outcome.claim()).isInstanceOfSatisfying(Claim.Won.class, m -> assertThat(m.messageId()).isEqualTo(again));
    assertThat(store.find(again).status()).isEqualTo(MessageStatus.SENDING);
    assertThat(store.find(again).senderId()).contains(NUMBER);
  }

  @Test
  void onlyThisNumbersTemplatesOfTheLast24HoursThatWereNotRefusedCount() {
    templateSent(NUMBER, "+6281100000001", NOW.minusHours(25)); // left the window
    templateSent("other-line", "+6281100000002", NOW.minusHours(1)); // another number
    String refused = queuedTemplate("+6281100000003");
    database.persistence().run(em -> LeadMessages.over(em).claim(refused, "cloud-api", NUMBER, NOW.minusHours(2)));
    store.fail(refused, NOW.minusHours(2), 131026, "(#131026) Message undeliverable");
    String text = store.add(LeadMessage.outboundText(TenantId.of("acme"), LeadId.of("7"),
        PhoneNumber.of("+6281100000004"), "Halo", "rina", NOW.minusHours(3)));
    database.persistence().run(em -> LeadMessages.over(em).claim(text, "cloud-api", NUMBER, NOW.minusHours(3)));
    templateSent(NUMBER, "+6281100000005", NOW.minusHours(4)); // the one that counts
    String next = queuedTemplate("+6281100000006");

    SendClaims.TierClaim outcome = claim(next, number(NUMBER, 2));

    assertThat(uniqueRecipients(NUMBER)).isEqualTo(2); // the one counted and the claim just made
    assertThat(outcome.claim()).isInstanceOf(Claim.Won.class);
  }

  @Test
  void freeTextIsNeverHeldByTheTier() {
    templateSent(NUMBER, "+6281100000001", NOW.minusHours(1));
    String text = store.add(markedQueued(LeadMessage.outboundText(TenantId.of("acme"), LeadId.of("7"),
        PhoneNumber.of("+6281100000009"), "Terima kasih!", "rina", NOW.minusMinutes(1))));

    SendClaims.TierClaim outcome = claim(text, number(NUMBER, 1));

    assertThat(outcome.claim()).isInstanceOf(Claim.Won.class);
  }

  @Test
  void aMessageAlreadyClaimedIsNeitherClaimedAgainNorDeferred() {
    templateSent(NUMBER, "+6281100000001", NOW.minusHours(1));
    String sent = templateSent(NUMBER, "+6281100000002", NOW.minusHours(1));

    SendClaims.TierClaim outcome = claim(sent, number(NUMBER, 1));

    assertThat(outcome.claim()).isInstanceOf(Claim.Lost.class);
    assertThat(outcome.deferredUntil()).isEmpty();
    assertThat(store.find(sent).status()).isEqualTo(MessageStatus.SENT);
  }

  @Test
  void theRunningCampaignAndItsRecipientSayWhyTheRecipientWaits() {
    templateSent(NUMBER, "+6281100000001", NOW.minusHours(2));
    String waiting = queuedTemplate("+6281100000002");
    database.persistence().run(em -> {
      insert(em, "INSERT INTO wa_campaign (id, tenant_id, name, template_id, status, created_at, updated_at)"
          + " VALUES ('c1', 'acme', 'Promo', 'template-1', 'RUNNING', now(), now())");
      insert(em, "INSERT INTO wa_campaign_recipient (id, tenant_id, campaign_id, run_no, phone, status,"
          + " message_id, created_at, updated_at) VALUES ('r1', 'acme', 'c1', 1, '+6281100000002', 'QUEUED', '"
          + waiting + "', now(), now())");
      insert(em, "UPDATE wa_message SET campaign_id = 'c1', campaign_recipient_id = 'r1' WHERE id = '" + waiting + "'");
    });

    claim(waiting, number(NUMBER, 1));

    List<?> campaign = database.persistence().inTransaction(em -> em.createNativeQuery(
        "SELECT status, status_reason FROM wa_campaign WHERE id = 'c1'").getResultList());
    List<?> recipient = database.persistence().inTransaction(em -> em.createNativeQuery(
        "SELECT status, error_message FROM wa_campaign_recipient WHERE id = 'r1'").getResultList());
    assertThat((Object[]) campaign.get(0)).containsExactly("RUNNING",
        "waiting for Sales line's 24-hour messaging limit (1 unique recipients); room again at "
            + "2026-03-04 07:00 UTC");
    assertThat(((Object[]) recipient.get(0))[0]).isEqualTo("QUEUED");
    assertThat((String) ((Object[]) recipient.get(0))[1]).contains("24-hour messaging limit");
  }

  private static LeadMessage markedQueued(LeadMessage message) {
    message.markQueued(message.createdAt());
    return message;
  }

  private static void insert(EntityManager em, String sql) {
    em.createNativeQuery(sql).executeUpdate();
  }
}
