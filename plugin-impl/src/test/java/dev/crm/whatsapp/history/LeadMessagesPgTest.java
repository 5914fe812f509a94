package dev.crm.whatsapp.history;

import static dev.crm.whatsapp.history.LeadMessageBuilder.T0;
import static dev.crm.whatsapp.history.LeadMessageBuilder.aMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.api.TenantId;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import dev.crm.whatsapp.testing.PluginDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The guarded status updates and the keyset history of {@link LeadMessages} on PostgreSQL, each call in
 * its own transaction as the container runs them. Every test writes its own messages; all are deleted
 * after each test.
 */
class LeadMessagesPgTest {
  private static final TenantId ACME = TenantId.of("acme");
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
  void addedMessageIsFoundAsWritten() {
    String id = store.add(aMessage().text("Halo Ayu").build());

    LeadMessage found = store.find(id);

    assertThat(found.status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(found.body()).isEqualTo("Halo Ayu");
    assertThat(found.createdAt()).isAtSameInstantAs(T0);
    assertThat(found.queuedAt()).isAtSameInstantAs(T0);
    assertThat(found.providerMessageId()).isEmpty();
  }

  @Test
  void unknownMessageIsEmpty() {
    assertThat(store.findIfAny("no-such-message")).isEmpty();
  }

  @Test
  void secondClaimOfSameMessageWinsNothing() {
    String id = store.add(aMessage().build());

    assertThat(store.claim(id, T1)).isTrue();
    assertThat(store.claim(id, T2)).isFalse();

    LeadMessage claimed = store.find(id);
    assertThat(claimed.status()).isEqualTo(MessageStatus.SENDING);
    assertThat(claimed.sendingAt()).isAtSameInstantAs(T1);
  }

  @Test
  void pendingMessageCanBeClaimed() {
    String id = store.add(aMessage().pending().build());

    assertThat(store.claim(id, T1)).isTrue();
  }

  @Test
  void concurrentClaimsOfOneMessageHaveOneWinner() throws Exception {
    String id = store.add(aMessage().build());
    int contenders = 6;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(contenders);
    try {
      List<Future<Boolean>> claims = new ArrayList<>();
      for (int i = 0; i < contenders; i++) {
        Callable<Boolean> claim = () -> {
          start.await();
          return store.claim(id, T1);
        };
        claims.add(pool.submit(claim));
      }
      start.countDown();
      long winners = 0;
      for (Future<Boolean> claim : claims) {
        winners += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }

      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void messageAlreadySentCannotBeClaimed() {
    String id = sent(aMessage().build(), "wamid.A");

    assertThat(store.claim(id, T2)).isFalse();
    assertThat(store.find(id).status()).isEqualTo(MessageStatus.SENT);
  }

  @Test
  void releaseReturnsAClaimSoItCanBeClaimedAgainWithoutCountingTheAttempt() {
    String id = store.add(aMessage().build());
    store.claim(id, T1);

    store.release(id);

    assertThat(store.find(id).status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(store.find(id).attempts()).isZero();
    assertThat(store.claim(id, T2)).isTrue();
    assertThat(store.find(id).attempts()).isEqualTo(1);
  }

  @Test
  void releaseOfAMessageNotClaimedChangesNothing() {
    String id = sent(aMessage().build(), "wamid.A");

    store.release(id);

    assertThat(store.find(id).status()).isEqualTo(MessageStatus.SENT);
  }

  @Test
  void acceptedRecordsTheProviderIdAndSent() {
    String id = store.add(aMessage().build());
    store.claim(id, T1);

    store.accept(id, "wamid.A", T2);

    LeadMessage accepted = store.find(id);
    assertThat(accepted.status()).isEqualTo(MessageStatus.SENT);
    assertThat(accepted.providerMessageId()).contains("wamid.A");
    assertThat(accepted.provider()).contains("sandbox");
    assertThat(accepted.senderId()).contains("sandbox-number-1");
    assertThat(accepted.sentAt()).isAtSameInstantAs(T2);
    assertThat(store.idOf("wamid.A")).contains(id);
  }

  @Test
  void recordAcceptedKeepsAStatusAWebhookAlreadyAdvanced() {
    String id = store.add(aMessage().build());
    store.claim(id, T1);
    assertThat(store.advance(id, MessageStatus.DELIVERED, T2)).isTrue();

    store.accept(id, "wamid.A", T3);

    LeadMessage message = store.find(id);
    assertThat(message.status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(message.providerMessageId()).contains("wamid.A");
    assertThat(message.deliveredAt()).isAtSameInstantAs(T2);
  }

  @Test
  void secondAcceptanceDoesNotReplaceTheProviderId() {
    String id = sent(aMessage().build(), "wamid.A");

    store.accept(id, "wamid.B", T3);

    assertThat(store.find(id).providerMessageId()).contains("wamid.A");
  }

  @Test
  void statusesMoveOnlyForward() {
    String id = sent(aMessage().build(), "wamid.A");

    assertThat(store.advance(id, MessageStatus.DELIVERED, T2)).isTrue();
    assertThat(store.advance(id, MessageStatus.SENT, T3)).isFalse();
    assertThat(store.advance(id, MessageStatus.QUEUED, T3)).isFalse();
    assertThat(store.advance(id, MessageStatus.READ, T3)).isTrue();
    assertThat(store.advance(id, MessageStatus.DELIVERED, T3)).isFalse();

    assertThat(store.find(id).status()).isEqualTo(MessageStatus.READ);
  }

  @Test
  void lateDeliveredDoesNotOverwriteReadButRecordsItsTime() {
    String id = sent(aMessage().build(), "wamid.A");

    assertThat(store.advance(id, MessageStatus.READ, T3)).isTrue();
    assertThat(store.advance(id, MessageStatus.DELIVERED, T2)).isFalse();

    LeadMessage message = store.find(id);
    assertThat(message.status()).isEqualTo(MessageStatus.READ);
    assertThat(message.readAt()).isAtSameInstantAs(T3);
    assertThat(message.deliveredAt()).isAtSameInstantAs(T2);
  }

  @Test
  void duplicateStatusChangesNothing() {
    String id = sent(aMessage().build(), "wamid.A");
    assertThat(store.advance(id, MessageStatus.DELIVERED, T2)).isTrue();
    long versionBefore = store.version(id);

    assertThat(store.advance(id, MessageStatus.DELIVERED, T3)).isFalse();

    LeadMessage after = store.find(id);
    assertThat(after.status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(after.deliveredAt()).isAtSameInstantAs(T2);
    assertThat(store.version(id)).isEqualTo(versionBefore);
  }

  @Test
  void failedAfterSentIsRecordedWithItsError() {
    String id = sent(aMessage().build(), "wamid.A");

    assertThat(store.fail(id, T3, 131026, "Message undeliverable"))
        .isTrue();

    LeadMessage failed = store.find(id);
    assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(failed.errorCode()).contains(131026);
    assertThat(failed.errorMessage()).contains("Message undeliverable");
    assertThat(failed.failedAt()).isAtSameInstantAs(T3);
    assertThat(failed.sentAt()).isAtSameInstantAs(T1);
  }

  @Test
  void failedAfterDeliveredIsIgnored() {
    String id = sent(aMessage().build(), "wamid.A");
    store.advance(id, MessageStatus.DELIVERED, T2);

    assertThat(store.fail(id, T3, 131026, "late")).isFalse();

    LeadMessage message = store.find(id);
    assertThat(message.status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(message.errorCode()).isEmpty();
    assertThat(message.failedAt()).isNull();
  }

  @Test
  void nothingMovesAFailedMessage() {
    String id = sent(aMessage().build(), "wamid.A");
    store.fail(id, T2, 131026, "Message undeliverable");

    assertThat(store.advance(id, MessageStatus.DELIVERED, T3)).isFalse();
    assertThat(store.advance(id, MessageStatus.READ, T3)).isFalse();

    LeadMessage message = store.find(id);
    assertThat(message.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(message.deliveredAt()).isNull();
    assertThat(message.readAt()).isNull();
  }

  @Test
  void historyIsNewestFirstWithKeysetPagesThatNeitherOverlapNorSkip() {
    for (int i = 0; i < 30; i++) {
      // Three messages share each creation time, so the id must break ties.
      store.add(aMessage().text("message " + i).createdAt(T0.plusMinutes(i / 3)).build());
    }
    List<String> everything = history(Optional.empty(), 100).stream().map(LeadMessage::id).toList();

    List<String> walked = new ArrayList<>();
    Optional<HistoryCursor> cursor = Optional.empty();
    int pages = 0;
    while (true) {
      List<LeadMessage> page = history(cursor, 7);
      if (page.isEmpty()) {
        break;
      }
      pages++;
      page.forEach(m -> walked.add(m.id()));
      // As a client would: the cursor travels encoded and comes back.
      cursor = Optional.of(HistoryCursor.decode(HistoryCursor.after(page.get(page.size() - 1)).encode()));
    }

    assertThat(everything).hasSize(30).doesNotHaveDuplicates();
    assertThat(walked).isEqualTo(everything);
    assertThat(pages).isEqualTo(5);
    assertThat(history(Optional.empty(), 100)).extracting(LeadMessage::createdAt)
        .isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  @Test
  void historyIsScopedByTenantAndLead() {
    String mine = store.add(aMessage().tenant("acme").lead("7").build());
    store.add(aMessage().tenant("acme").lead("8").build());
    store.add(aMessage().tenant("globex").lead("7").build());

    assertThat(history(Optional.empty(), 50)).extracting(LeadMessage::id).containsExactly(mine);
    assertThat(store.history(TenantId.of("globex"), LeadId.of("7"), Optional.empty(), 50)).hasSize(1);
    assertThat(store.history(TenantId.of("globex"), LeadId.of("8"), Optional.empty(), 50)).isEmpty();
  }

  @Test
  void idOfAnUnknownProviderMessageIsEmpty() {
    sent(aMessage().build(), "wamid.A");

    assertThat(store.idOf("wamid.B")).isEmpty();
  }

  private List<LeadMessage> history(Optional<HistoryCursor> cursor, int limit) {
    return store.history(ACME, LeadId.of("7"), cursor, limit);
  }

  /** A message accepted by the provider at {@link #T1}. */
  private String sent(LeadMessage message, String providerMessageId) {
    String id = store.claimed(message, T0);
    store.accept(id, providerMessageId, T1);
    return id;
  }
}
