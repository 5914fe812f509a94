package dev.crm.whatsapp.webhooks;

import static dev.crm.whatsapp.history.LeadMessageBuilder.T0;
import static dev.crm.whatsapp.history.LeadMessageBuilder.aMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.consent.ConsentState;
import dev.crm.whatsapp.dispatch.DispatchSettings;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.history.MessageStore;
import dev.crm.whatsapp.testing.PluginDatabase;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failed status webhooks with {@code errors[].code}, applied on PostgreSQL under the error policy: resent
 * with backoff where the code calls for a retry (a failed status proves the message was not delivered),
 * ended with the rule's note otherwise, the opt-out recorded for 131050.
 */
class FailedStatusPolicyPgTest {
  private static final OffsetDateTime NOW = T0.plusMinutes(5);
  private static final Clock CLOCK = Clock.fixed(NOW.toInstant(), ZoneOffset.UTC);

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying("wa_message", "wa_consent", "wa_erased_message");

  private static MessageStore store;

  @BeforeAll
  static void openStore() {
    store = new MessageStore(database.persistence());
  }

  @Test
  void anUndeliverableRecipientFailsForGood() {
    String id = accepted("wamid.U");

    apply(failed("wamid.U", 131026, "Message undeliverable"), 4);

    LeadMessage message = store.find(id);
    assertThat(message.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(message.errorCode()).contains(131026);
    assertThat(message.errorMessage()).hasValueSatisfying(e -> assertThat(e).contains("not on WhatsApp"));
  }

  @Test
  void outsideTheWindowFailsWithTheNoteToSendATemplate() {
    String id = accepted("wamid.W");

    apply(failed("wamid.W", 131047, "Re-engagement message"), 4);

    assertThat(store.find(id).status()).isEqualTo(MessageStatus.FAILED);
    assertThat(store.find(id).errorMessage()).hasValueSatisfying(e -> assertThat(e).contains("send a template instead"));
  }

  @Test
  void aUserWhoStoppedMarketingIsRecordedAsOptedOut() {
    LeadMessage queued = aMessage().build();
    String id = store.accepted(queued, "wamid.O", T0);

    apply(failed("wamid.O", 131050, "User stopped marketing messages"), 4);

    assertThat(store.find(id).status()).isEqualTo(MessageStatus.FAILED);
    assertThat(database.persistence().inTransaction(em -> WebhookWiring.consent(em)
        .find(TenantId.of("acme"), PhoneNumber.of("+6281234567890"))).orElseThrow().state())
        .isEqualTo(ConsentState.OPTED_OUT);
  }

  @Test
  void aRetryableFailureQueuesTheMessageAgainAfterTheBackoffAndForgetsTheFailedId() {
    String id = accepted("wamid.R");

    apply(failed("wamid.R", 131000, "Something went wrong"), 4);

    LeadMessage message = store.find(id);
    assertThat(message.status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(message.nextAttemptAt()).hasValueSatisfying(at -> assertThat(at).isAtSameInstantAs(NOW.plusSeconds(30)));
    assertThat(message.providerMessageId()).isEmpty();
    assertThat(message.errorMessage()).hasValueSatisfying(e -> assertThat(e).contains("(#131000)"));

    assertThat(store.claim(id, NOW.plusSeconds(31))).isTrue();
    store.accept(id, "wamid.R2", NOW.plusSeconds(32));
    assertThat(store.find(id).providerMessageId()).contains("wamid.R2");
    assertThat(store.find(id).status()).isEqualTo(MessageStatus.SENT);
  }

  @Test
  void theFailedWebhookRepeatedAfterTheRequeueChangesNothing() {
    String id = accepted("wamid.D");
    StatusUpdate failure = failed("wamid.D", 131000, "Something went wrong");

    apply(failure, 4);
    boolean matched = apply(failure, 4);

    assertThat(matched).isFalse();
    assertThat(store.find(id).status()).isEqualTo(MessageStatus.QUEUED);
  }

  @Test
  void aRetryableFailureWithItsAttemptsUsedUpFails() {
    String id = accepted("wamid.G");

    apply(failed("wamid.G", 131000, "Something went wrong"), 1);

    assertThat(store.find(id).status()).isEqualTo(MessageStatus.FAILED);
    assertThat(store.find(id).errorMessage()).hasValueSatisfying(e -> assertThat(e).contains("gave up after 1"));
  }

  @Test
  void aFailureArrivingAfterDeliveryIsIgnored() {
    String id = accepted("wamid.L");
    store.advance(id, MessageStatus.DELIVERED, T0.plusSeconds(2));

    apply(failed("wamid.L", 131000, "Something went wrong"), 4);

    assertThat(store.find(id).status()).isEqualTo(MessageStatus.DELIVERED);
  }

  private String accepted(String wamid) {
    return store.accepted(aMessage().build(), wamid, T0);
  }

  private static StatusUpdate failed(String wamid, int code, String title) {
    return new StatusUpdate(wamid, MessageStatus.FAILED, T0.plusSeconds(3), Optional.empty(), code, title);
  }

  private boolean apply(StatusUpdate update, int maxAttempts) {
    return database.persistence().inTransaction(em -> {
      StatusApplier applier = WebhookWiring.applier(em);
      applier.settings = new DispatchSettings("PT30S,PT60S", maxAttempts, "PT1H");
      applier.em = em;
      applier.clock = CLOCK;
      return applier.apply(update);
    });
  }
}
