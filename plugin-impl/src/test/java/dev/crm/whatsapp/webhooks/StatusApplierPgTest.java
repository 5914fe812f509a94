package dev.crm.whatsapp.webhooks;

import static dev.crm.whatsapp.history.LeadMessageBuilder.T0;
import static dev.crm.whatsapp.history.LeadMessageBuilder.aMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.history.LeadMessages;
import dev.crm.whatsapp.history.MessageStore;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import dev.crm.whatsapp.testing.PluginDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Applying webhook status updates to messages on PostgreSQL, each update in its own transaction. */
class StatusApplierPgTest {
  private static final OffsetDateTime T1 = T0.plusSeconds(10);
  private static final OffsetDateTime T2 = T0.plusSeconds(20);
  private static final OffsetDateTime T3 = T0.plusSeconds(30);

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying("wa_message");

  private static MessageStore store;

  @BeforeAll
  static void openStore() {
    store = new MessageStore(database.persistence());
  }

  @Test
  void updateFindsItsMessageByProviderId() {
    String id = accepted("wamid.A");

    assertThat(apply(update("wamid.A", MessageStatus.DELIVERED, T2))).isTrue();

    assertThat(find(id).status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(find(id).deliveredAt()).isAtSameInstantAs(T2);
  }

  @Test
  void updateFindsItsMessageByCallbackDataWhenTheProviderIdWasNeverRecorded() {
    String id = claimedWithUncertainOutcome();

    assertThat(apply(update("wamid.A", MessageStatus.SENT, T1, id))).isTrue();

    assertThat(find(id).status()).isEqualTo(MessageStatus.SENT);
    assertThat(find(id).sentAt()).isAtSameInstantAs(T1);
  }

  @Test
  void callbackDataDoesNotOverrideAnotherRecordedProviderId() {
    String id = accepted("wamid.A");

    assertThat(apply(update("wamid.Z", MessageStatus.READ, T2, id))).isFalse();

    assertThat(find(id).status()).isEqualTo(MessageStatus.SENT);
  }

  @Test
  void updateForUnknownIdsMatchesNothing() {
    accepted("wamid.A");

    assertThat(apply(update("wamid.UNKNOWN", MessageStatus.DELIVERED, T2))).isFalse();
    assertThat(apply(update("wamid.UNKNOWN", MessageStatus.DELIVERED, T2, "no-such-message")))
        .isFalse();
  }

  @Test
  void failedUpdateRecordsItsError() {
    String id = accepted("wamid.A");

    assertThat(apply(new StatusUpdate("wamid.A", MessageStatus.FAILED, T2, Optional.empty(), 131026,
        "Message undeliverable"))).isTrue();

    LeadMessage failed = find(id);
    assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(failed.errorCode()).contains(131026);
    assertThat(failed.errorMessage()).hasValueSatisfying(e -> assertThat(e).contains("Message undeliverable"));
  }

  @Test
  void overLongErrorTitleIsStoredShortened() {
    String id = accepted("wamid.A");
    String longTitle = "x".repeat(600);

    assertThat(apply(new StatusUpdate("wamid.A", MessageStatus.FAILED, T2, Optional.empty(), 131000, longTitle)))
        .isTrue();

    assertThat(find(id).errorMessage()).get().asString().hasSizeLessThanOrEqualTo(512);
  }

  @Test
  void updateThatChangesNothingStillMatchesItsMessage() {
    String id = accepted("wamid.A");
    apply(update("wamid.A", MessageStatus.READ, T3));

    assertThat(apply(update("wamid.A", MessageStatus.DELIVERED, T2))).as("matched, so not retried").isTrue();
    assertThat(find(id).status()).isEqualTo(MessageStatus.READ);
  }

  @Test
  void sameBatchAppliedTwiceGivesTheSameState() {
    List<StatusUpdate> batch = List.of(
        update("wamid.A", MessageStatus.SENT, T1), update("wamid.A", MessageStatus.DELIVERED, T2),
        update("wamid.A", MessageStatus.READ, T3));
    String once = accepted("wamid.A");
    batch.forEach(this::apply);
    Snapshot afterOnce = Snapshot.of(find(once));

    batch.forEach(this::apply);

    assertThat(Snapshot.of(find(once))).isEqualTo(afterOnce);
    assertThat(afterOnce.status()).isEqualTo(MessageStatus.READ);
  }

  @Test
  void batchAppliedInReverseGivesTheSameStateAsInOrder() {
    String inOrder = claimedWithUncertainOutcome();
    String reversed = claimedWithUncertainOutcome();

    batchFor(inOrder, "wamid.A").forEach(this::apply);
    List<StatusUpdate> backwards = new ArrayList<>(batchFor(reversed, "wamid.B"));
    Collections.reverse(backwards);
    backwards.forEach(this::apply);

    assertThat(Snapshot.of(find(reversed))).isEqualTo(Snapshot.of(find(inOrder)));
    assertThat(Snapshot.of(find(inOrder))).isEqualTo(new Snapshot(MessageStatus.READ, T1, T2, T3, null, null));
  }

  @Test
  void sentAndFailedInEitherOrderGiveTheSameState() {
    String inOrder = claimedWithUncertainOutcome();
    String reversed = claimedWithUncertainOutcome();

    apply(update("wamid.A", MessageStatus.SENT, T1, inOrder));
    apply(failed("wamid.A", T2, inOrder));
    apply(failed("wamid.B", T2, reversed));
    apply(update("wamid.B", MessageStatus.SENT, T1, reversed));

    assertThat(Snapshot.of(find(reversed))).isEqualTo(Snapshot.of(find(inOrder)));
  }

  private static List<StatusUpdate> batchFor(String messageId, String wamid) {
    return List.of(
        update(wamid, MessageStatus.SENT, T1, messageId),
        update(wamid, MessageStatus.DELIVERED, T2, messageId),
        update(wamid, MessageStatus.READ, T3, messageId));
  }

  private static StatusUpdate update(String wamid, MessageStatus status, OffsetDateTime at) {
    return new StatusUpdate(wamid, status, at, Optional.empty(), null, null);
  }

  /** An update echoing our message id as its callback data. */
  private static StatusUpdate update(String wamid, MessageStatus status, OffsetDateTime at, String callbackData) {
    return new StatusUpdate(wamid, status, at, Optional.of(callbackData), null, null);
  }

  private static StatusUpdate failed(String wamid, OffsetDateTime at, String callbackData) {
    return new StatusUpdate(wamid, MessageStatus.FAILED, at, Optional.of(callbackData), 131026,
        "Message undeliverable");
  }

  /** A message the provider accepted at {@code T0} with this id. */
  private String accepted(String wamid) {
    return store.accepted(aMessage().build(), wamid, T0);
  }

  /** A message claimed for sending whose outcome nobody knows: no provider id recorded. */
  private String claimedWithUncertainOutcome() {
    return store.claimed(aMessage().build(), T0);
  }

  private boolean apply(StatusUpdate update) {
    return database.persistence().inTransaction((EntityManager em) -> applierOver(em).apply(update));
  }

  private LeadMessage find(String id) {
    return store.find(id);
  }

  static StatusApplier applierOver(EntityManager em) {
    StatusApplier applier = new StatusApplier();
    applier.messages = LeadMessages.over(em);
    return applier;
  }

  /** What a status update may change, with times compared as instants. */
  record Snapshot(MessageStatus status, OffsetDateTime sentAt, OffsetDateTime deliveredAt, OffsetDateTime readAt,
      OffsetDateTime failedAt, Integer errorCode) {
    static Snapshot of(LeadMessage m) {
      return new Snapshot(m.status(), utc(m.sentAt()), utc(m.deliveredAt()), utc(m.readAt()), utc(m.failedAt()),
          m.errorCode().orElse(null));
    }

    private static OffsetDateTime utc(OffsetDateTime at) {
      return at == null ? null : at.withOffsetSameInstant(java.time.ZoneOffset.UTC);
    }
  }
}
