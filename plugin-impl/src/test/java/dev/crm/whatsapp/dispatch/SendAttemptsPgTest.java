package dev.crm.whatsapp.dispatch;

import static dev.crm.whatsapp.history.LeadMessageBuilder.T0;
import static dev.crm.whatsapp.history.LeadMessageBuilder.aMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.history.MessageStore;
import java.time.OffsetDateTime;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import dev.crm.whatsapp.testing.PluginDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dispatch status changes of {@link SendAttempts} on PostgreSQL, each in its own transaction. */
class SendAttemptsPgTest {
  private static final OffsetDateTime T1 = T0.plusSeconds(10);

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying("wa_message");

  private static MessageStore store;

  @BeforeAll
  static void openPersistenceUnit() {
    store = new MessageStore(database.persistence());
  }

  private <T> T attempts(Function<SendAttempts, T> work) {
    return database.persistence().inTransaction(em -> work.apply(SendAttempts.over(em)));
  }

  @Test
  void aRequeuedMessageIsQueuedWithItsAttemptCountNextTimeAndLastErrorAndCanBeClaimedAgain() {
    String id = store.claimed(aMessage().build(), T0);

    boolean requeued = attempts(a -> a.requeue(id, 1, T0, T1, 131016, "(#131016) Service unavailable"));
    assertThat(requeued).isTrue();

    LeadMessage message = store.find(id);
    assertThat(message.status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(message.attempts()).isEqualTo(1);
    assertThat(message.nextAttemptAt()).hasValueSatisfying(t -> assertThat(t).isEqualTo(T1));
    assertThat(message.errorCode()).contains(131016);
    assertThat(store.claim(id, T1)).isTrue();
  }

  @Test
  void everyClaimCountsAnAttempt() {
    String id = store.claimed(aMessage().build(), T0);
    attempts(a -> a.requeue(id, 1, T0, T1, null, "never sent"));

    store.claim(id, T1);

    assertThat(store.find(id).attempts()).isEqualTo(2);
  }

  @Test
  void aMessageAWebhookAlreadyMovedOnIsNotRequeued() {
    String id = store.accepted(aMessage().build(), "wamid.A", T0);

    boolean requeued = attempts(a -> a.requeue(id, 1, T0, T1, 2, "late refusal"));
    assertThat(requeued).isFalse();
    assertThat(store.find(id).status()).isEqualTo(MessageStatus.SENT);
  }

  @Test
  void anEndedMessageKeepsCodeReasonAndAttempts() {
    String id = store.claimed(aMessage().build(), T0);

    boolean ended = attempts(a -> a.end(id, MessageStatus.OPTED_OUT, 1, T1, 131050, "stopped marketing"));
    assertThat(ended).isTrue();

    LeadMessage message = store.find(id);
    assertThat(message.status()).isEqualTo(MessageStatus.OPTED_OUT);
    assertThat(message.errorCode()).contains(131050);
    assertThat(message.errorMessage()).contains("stopped marketing");
    assertThat(message.attempts()).isEqualTo(1);
    assertThat(store.claim(id, T1)).isFalse();
  }

  @Test
  void onlySendsClaimedBeforeTheCutOffBecomeUnknownAndNoneIsClaimableAfterwards() {
    String old = store.claimed(aMessage().build(), T0);
    String recent = store.claimed(aMessage().build(), T1);
    String sent = store.accepted(aMessage().build(), "wamid.B", T0);

    int marked = attempts(a -> a.markUnresolvedUnknown(T0.plusSeconds(5), T1));
    assertThat(marked).isEqualTo(1);

    assertThat(store.find(old).status()).isEqualTo(MessageStatus.UNKNOWN);
    assertThat(store.find(recent).status()).isEqualTo(MessageStatus.SENDING);
    assertThat(store.find(sent).status()).isEqualTo(MessageStatus.SENT);
    assertThat(store.claim(old, T1)).isFalse();
  }

  @Test
  void aDeadLetteredQueuedMessageFailsWithTheReasonButAClaimedOneIsLeftAlone() {
    String queued = store.add(aMessage().build());
    String claimed = store.claimed(aMessage().build(), T0);

    boolean queuedEnded = attempts(a -> a.endQueued(queued, T1, "dead-lettered"));
    boolean claimedEnded = attempts(a -> a.endQueued(claimed, T1, "dead-lettered"));

    assertThat(queuedEnded).isTrue();
    assertThat(claimedEnded).isFalse();
    assertThat(store.find(queued).status()).isEqualTo(MessageStatus.FAILED);
    assertThat(store.find(queued).errorMessage()).contains("dead-lettered");
    assertThat(store.find(claimed).status()).isEqualTo(MessageStatus.SENDING);
  }

  @Test
  void aDueRetryIsListedAndTakenOnceAndAFutureOneIsNot() {
    String due = store.claimed(aMessage().build(), T0);
    String later = store.claimed(aMessage().build(), T0);
    attempts(a -> a.requeue(due, 1, T0, T1, 2, "unavailable"));
    attempts(a -> a.requeue(later, 1, T0, T1.plusSeconds(60), 2, "unavailable"));

    java.util.List<String> listed = attempts(a -> a.dueRetries(T1, 10)).stream().map(LeadMessage::id).toList();
    boolean first = attempts(a -> a.takeDueRetry(due, T1));
    boolean second = attempts(a -> a.takeDueRetry(due, T1));

    assertThat(listed).containsExactly(due);
    assertThat(first).isTrue();
    assertThat(second).isFalse();
    java.util.List<LeadMessage> afterwards = attempts(a -> a.dueRetries(T1, 10));
    assertThat(afterwards).isEmpty();
    assertThat(store.find(due).status()).isEqualTo(MessageStatus.QUEUED);
  }

  @Test
  void dueMessagesAreTakenInOneBatchOldestFirstAndOnlyOnce() {
    String older = store.claimed(aMessage().build(), T0);
    String newer = store.claimed(aMessage().build(), T0);
    String future = store.claimed(aMessage().build(), T0);
    attempts(a -> a.requeue(newer, 1, T0, T1, 2, "unavailable"));
    attempts(a -> a.requeue(older, 1, T0, T1.minusSeconds(5), 2, "unavailable"));
    attempts(a -> a.requeue(future, 1, T0, T1.plusSeconds(60), 2, "unavailable"));

    java.util.List<SendAttempts.Due> taken = attempts(a -> a.takeDue(T1, 10));
    java.util.List<SendAttempts.Due> again = attempts(a -> a.takeDue(T1, 10));

    assertThat(taken).extracting(SendAttempts.Due::id).containsExactly(older, newer);
    assertThat(taken.get(1).attempts()).isEqualTo(1);
    assertThat(taken.get(1).due().toInstant()).as("the due time it was taken for").isEqualTo(T1.toInstant());
    assertThat(taken.get(1).tenant()).isEqualTo("acme");
    assertThat(again).isEmpty();
    assertThat(store.find(older).nextAttemptAt()).isEmpty();
    assertThat(store.find(future).nextAttemptAt()).isPresent();
  }
}
