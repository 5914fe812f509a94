package dev.crm.whatsapp.dispatch;

import static dev.crm.whatsapp.history.LeadMessageBuilder.T0;
import static dev.crm.whatsapp.history.LeadMessageBuilder.aMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.consent.ConsentRegistry;
import dev.crm.whatsapp.consent.PhoneHasher;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.history.MessageStore;
import dev.crm.whatsapp.providers.Providers;
import dev.crm.whatsapp.testing.PluginDatabase;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pausing a campaign stops its messages already made at their claim, resuming sends them after all, and
 * cancelling ends every one not yet claimed; a campaign's messages ask for its number and the campaign says
 * when they leave from another, on PostgreSQL.
 */
class CampaignMessagesPgTest {
  private static final OffsetDateTime NOW = T0.plusMinutes(5);

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying("wa_stat_delta", "wa_message",
      "wa_campaign_recipient", "wa_campaign");

  private static MessageStore store;

  @BeforeAll
  static void openPersistenceUnit() {
    store = new MessageStore(database.persistence());
  }

  @Test
  void aMessageHeldWhilePausedIsDueAgainOnceTheCampaignResumes() {
    String campaign = campaign("PAUSED");
    String held = message(campaign);
    assertThat(claim(held)).isInstanceOf(Claim.Held.class);
    assertThat(due()).doesNotContain(held);

    status(campaign, "RUNNING");
    int released = database.persistence().inTransaction(em -> CampaignMessages.over(em).releaseHeld(campaign, NOW));

    assertThat(released).isEqualTo(1);
    assertThat(due()).contains(held);
    assertThat(claim(held)).isInstanceOf(Claim.Won.class);
  }

  @Test
  void cancellingSkipsEveryMessageNotYetClaimedAndLeavesTheOneBeingSent() {
    String campaign = campaign("RUNNING");
    String sending = message(campaign);
    assertThat(claim(sending)).isInstanceOf(Claim.Won.class);
    String queued = message(campaign);
    String held = message(campaign);
    status(campaign, "PAUSED");
    assertThat(claim(held)).isInstanceOf(Claim.Held.class);

    status(campaign, "CANCELLED");
    int skipped = database.persistence().inTransaction(em -> CampaignMessages.over(em)
        .skipWaiting(campaign, "campaign cancelled", NOW));

    assertThat(skipped).isEqualTo(2);
    assertThat(List.of(queued, held)).allSatisfy(id -> {
      assertThat(store.find(id).status()).isEqualTo(MessageStatus.SKIPPED);
      assertThat(recipientStatus(id)).isEqualTo("SKIPPED");
    });
    assertThat(store.find(sending).status()).isEqualTo(MessageStatus.SENDING);
    assertThat(claim(queued)).isInstanceOf(Claim.Lost.class);
  }

  @Test
  void aClaimedMessageWithNoUsableNumberIsGivenBackHeldWithoutUsingAnAttempt() {
    String campaign = campaign("RUNNING");
    String id = message(campaign);
    assertThat(claim(id)).isInstanceOf(Claim.Won.class);

    database.persistence().run(em -> claims(em).holdUnsent(id, "acme", "no usable sender number"));

    LeadMessage message = store.find(id);
    assertThat(message.status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(message.attempts()).isZero();
    assertThat(recipientStatus(id)).isEqualTo("QUEUED");
    assertThat(due()).doesNotContain(id);
  }

  @Test
  void aCampaignsMessageIsPublishedWithTheNumberItsCampaignChose() {
    String campaign = campaign("RUNNING");
    LeadMessage message = aMessage().lead(UUID.randomUUID().toString()).build().forCampaign(campaign, "r-1")
        .preferring("account-main");
    store.add(message);
    database.schema().execute("UPDATE wa_message SET status = 'QUEUED', next_attempt_at = '" + NOW
        + "' WHERE id = '" + message.id() + "'"); // a retry come due

    SendAttempts.Due due = database.persistence().inTransaction(em -> SendAttempts.over(em)
        .takeDue(NOW.plusSeconds(1), 100)).stream().filter(d -> d.id().equals(message.id())).findFirst().orElseThrow();

    assertThat(due.preferredAccount()).contains("account-main");
  }

  @Test
  void theCampaignSaysWhichNumberItFailedOverToAndForgetsItOnceItsOwnSendsAgain() {
    String campaign = campaign("RUNNING");
    CampaignSenderNotes notes = CampaignSenderNotes.over(null);
    Providers.Route backup = new Providers.Route(null, "sender-2", "account-backup", 80,
        "failed over from Main (disabled)", null, "Backup");
    Providers.Route main = new Providers.Route(null, "sender-1", "account-main", 80, null, null, "Main");

    database.persistence().run(em -> {
      notes.em = em;
      notes.leftBy(campaign, backup);
    });
    assertThat(senderNote(campaign)).isEqualTo("sending from Backup: failed over from Main (disabled)");

    database.persistence().run(em -> {
      notes.em = em;
      notes.leftBy(campaign, main);
    });
    assertThat(senderNote(campaign)).isNull();
  }

  private String senderNote(String campaign) {
    return (String) database.persistence().inTransaction(em -> em.createNativeQuery(
        "SELECT sender_note FROM wa_campaign WHERE id = ?").setParameter(1, campaign).getSingleResult());
  }

  private Claim claim(String id) {
    return database.persistence().inTransaction(em -> claims(em)
        .claimAll(List.of(new Claim.Request(id, "cloud-api", "number-1")))).get(0);
  }

  private static SendClaims claims(jakarta.persistence.EntityManager em) {
    return SendClaims.over(em, database.schema().dataSource(), ConsentRegistry.over(em, PhoneHasher.withKey("k")),
        Clock.fixed(NOW.toInstant(), ZoneOffset.UTC));
  }

  private List<String> due() {
    return database.persistence().inTransaction(em -> SendAttempts.over(em).takeDue(NOW.plusSeconds(1), 100))
        .stream().map(SendAttempts.Due::id).toList();
  }

  private String campaign(String status) {
    String id = UUID.randomUUID().toString();
    database.schema().execute("INSERT INTO wa_campaign (id, tenant_id, name, template_id, status, run_no, created_at,"
        + " updated_at) VALUES ('" + id + "', 'acme', 'Spring', 't', '" + status + "', 1, now(), now())");
    return id;
  }

  private void status(String campaign, String status) {
    database.schema().execute("UPDATE wa_campaign SET status = '" + status + "' WHERE id = '" + campaign + "'");
  }

  private String message(String campaign) {
    String recipient = UUID.randomUUID().toString();
    LeadMessage message = aMessage().lead(UUID.randomUUID().toString()).build().forCampaign(campaign, recipient);
    store.add(message);
    database.schema().execute("INSERT INTO wa_campaign_recipient (id, tenant_id, campaign_id, run_no, phone, status,"
        + " message_id, created_at, updated_at) VALUES ('" + recipient + "', 'acme', '" + campaign + "', 1, '+628"
        + Math.abs(recipient.hashCode()) + "', 'QUEUED', '" + message.id() + "', now(), now())");
    return message.id();
  }

  private String recipientStatus(String messageId) {
    return (String) database.persistence().inTransaction(em -> em.createNativeQuery(
        "SELECT status FROM wa_campaign_recipient WHERE message_id = ?").setParameter(1, messageId).getSingleResult());
  }
}
