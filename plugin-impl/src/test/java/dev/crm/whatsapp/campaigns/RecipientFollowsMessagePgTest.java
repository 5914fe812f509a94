package dev.crm.whatsapp.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.dispatch.SendAttempts;
import dev.crm.whatsapp.history.LeadMessages;
import dev.crm.whatsapp.testing.PluginDatabase;
import jakarta.persistence.PersistenceException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A campaign recipient's status follows its message's guarded status updates in the same transaction, and
 * the database refuses a second message for the same recipient.
 */
class RecipientFollowsMessagePgTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T09:00:00Z");
  private static final PhoneNumber AYU = PhoneNumber.of("+6281363053471");

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying("wa_message", "wa_campaign_recipient", "wa_campaign");

  @Test
  void theRecipientFollowsEveryForwardMoveOfItsMessageAndNeverGoesBack() {
    Ids ids = campaignWithMessagedRecipient();
    run(messages -> messages.claim(ids.message, T0.plusSeconds(1)));
    assertThat(status(ids)).isEqualTo(RecipientStatus.SENDING);
    run(messages -> {
      messages.recordAccepted(ids.message, "sandbox", "sender-1", "wamid.1", T0.plusSeconds(2));
      return true;
    });
    assertThat(status(ids)).isEqualTo(RecipientStatus.SENT);
    run(messages -> messages.advance(ids.message, MessageStatus.READ, T0.plusSeconds(4), null, null));
    run(messages -> messages.advance(ids.message, MessageStatus.DELIVERED, T0.plusSeconds(3), null, null));
    assertThat(status(ids)).isEqualTo(RecipientStatus.READ);
  }

  @Test
  void aFailureCarriesItsCodeAndMessageToTheRecipient() {
    Ids ids = campaignWithMessagedRecipient();
    run(messages -> messages.advance(ids.message, MessageStatus.FAILED, T0.plusSeconds(1), 131026,
        "Message undeliverable"));
    CampaignRecipient recipient = recipient(ids);
    assertThat(recipient.status()).isEqualTo(RecipientStatus.FAILED);
    assertThat(recipient.errorCode()).contains(131026);
    assertThat(recipient.errorMessage()).contains("Message undeliverable");
  }

  @Test
  void theRecipientFollowsTheErrorPolicyRequeueAndEnd() {
    Ids ids = campaignWithMessagedRecipient();
    run(messages -> messages.claim(ids.message, T0.plusSeconds(1)));
    attempts(a -> a.requeue(ids.message, 1, T0.plusSeconds(2), T0.plusSeconds(32), 131016, "Service unavailable"));
    assertThat(status(ids)).isEqualTo(RecipientStatus.QUEUED);

    run(messages -> messages.claim(ids.message, T0.plusSeconds(40)));
    attempts(a -> a.end(ids.message, MessageStatus.OPTED_OUT, 2, T0.plusSeconds(41), 131050, "User stopped marketing"));
    assertThat(status(ids)).isEqualTo(RecipientStatus.OPTED_OUT);
  }

  @Test
  void aSendWhoseOutcomeNeverBecameKnownLeavesItsRecipientUnknownNotFailed() {
    Ids ids = campaignWithMessagedRecipient();
    run(messages -> messages.claim(ids.message, T0.plusSeconds(1)));

    int marked = attempts(a -> a.markUnresolvedUnknown(T0.plusMinutes(10), T0.plusMinutes(11)));

    assertThat(marked).isEqualTo(1);
    assertThat(status(ids)).isEqualTo(RecipientStatus.UNKNOWN);
  }

  @Test
  void aRecipientLeftBehindItsEndedMessageByACrashCatchesUpAtTheNextSweep() {
    Ids ids = campaignWithMessagedRecipient();
    // what a kill -9 left: the message claimed and then unknown, its recipient still queued
    database.persistence().run(em -> {
      em.createNativeQuery("UPDATE wa_campaign SET status = 'RUNNING' WHERE id = ?").setParameter(1, ids.campaign)
          .executeUpdate();
      em.createNativeQuery("UPDATE wa_message SET status = 'UNKNOWN' WHERE id = ?").setParameter(1, ids.message)
          .executeUpdate();
    });
    Ids sent = campaignWithMessagedRecipient();
    database.persistence().run(em -> em.createNativeQuery("UPDATE wa_message SET status = 'QUEUED' WHERE id = ?")
        .setParameter(1, sent.message).executeUpdate());

    int caughtUp = this.<Integer>attempts(a -> a.catchUpRecipients(T0.plusMinutes(5), 100));

    assertThat(caughtUp).isEqualTo(1);
    assertThat(status(ids)).isEqualTo(RecipientStatus.UNKNOWN);
    assertThat(status(sent)).as("a recipient in step with its message is left alone").isEqualTo(RecipientStatus.QUEUED);
    int again = this.<Integer>attempts(a -> a.catchUpRecipients(T0.plusMinutes(6), 100));
    assertThat(again).isZero();
  }

  @Test
  void aRecipientCanNeverGetASecondMessage() {
    Ids ids = campaignWithMessagedRecipient();
    assertThatThrownBy(() -> database.persistence().run(em -> {
      em.persist(message().forCampaign(ids.campaign, ids.recipient));
      em.flush();
    })).isInstanceOf(PersistenceException.class);
  }

  private record Ids(String campaign, String recipient, String message) {}

  private Ids campaignWithMessagedRecipient() {
    return database.persistence().inTransaction(em -> {
      Campaign campaign = Campaign.draft(ACME, new CampaignSettings("Spring", null, "t", null, null,
          Schedule.now(ZoneId.of("UTC")), 100, null, false), "rep", T0);
      em.persist(campaign);
      CampaignRecipient recipient = CampaignRecipient.pending(ACME, campaign.id(), 1, "1", "Ayu", AYU, null, null, T0);
      em.persist(recipient);
      LeadMessage message = message().forCampaign(campaign.id(), recipient.id());
      message.markQueued(T0);
      em.persist(message);
      recipient.messaged(message.id(), T0);
      return new Ids(campaign.id(), recipient.id(), message.id());
    });
  }

  private static LeadMessage message() {
    return LeadMessage.outboundText(ACME, LeadId.of("1"), AYU, "Hi Ayu", "campaign", T0);
  }

  private void run(java.util.function.Function<LeadMessages, Boolean> work) {
    database.persistence().inTransaction(em -> work.apply(LeadMessages.over(em)));
  }

  private <T> T attempts(java.util.function.Function<SendAttempts, T> work) {
    return database.persistence().inTransaction(em -> work.apply(SendAttempts.over(em)));
  }

  private RecipientStatus status(Ids ids) {
    return recipient(ids).status();
  }

  private CampaignRecipient recipient(Ids ids) {
    return database.persistence().inTransaction(em -> em.find(CampaignRecipient.class, ids.recipient));
  }
}
