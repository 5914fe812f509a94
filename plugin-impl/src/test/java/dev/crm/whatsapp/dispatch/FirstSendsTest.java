package dev.crm.whatsapp.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A number's first send goes alone: the sends behind it wait until it is through the provider, so that a
 * cold provider path cannot hold a crowd of paced requests and let them arrive together.
 */
class FirstSendsTest {
  private final FirstSends firstSends = new FirstSends();
  private final ExecutorService sessions = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    sessions.shutdownNow();
  }

  /** Another dispatch session asking for its turn; done once it may go on. */
  private Future<Optional<FirstSends.Turn>> another(String sender) {
    return sessions.submit(() -> firstSends.await(sender));
  }

  /** Until the session is parked waiting (it cannot be done before the first send ends). */
  private static void parked(Future<?> session) throws InterruptedException {
    for (int i = 0; i < 200 && !session.isDone(); i++) {
      Thread.sleep(5);
    }
  }

  @Test
  void theFirstSendOfANumberGoesAloneAndTheOthersFollowOnceItWasSent() throws Exception {
    FirstSends.Turn first = firstSends.await("cloud-api:number-a").orElseThrow();
    Future<Optional<FirstSends.Turn>> second = another("cloud-api:number-a");
    parked(second);

    assertThat(second).isNotDone();

    first.sent();
    first.end();

    assertThat(second.get(5, TimeUnit.SECONDS)).as("a warm number: no turn to take").isEmpty();
    assertThat(firstSends.await("cloud-api:number-a")).isEmpty();
  }

  @Test
  void aFirstSendThatNeverReachedTheProviderHandsTheFirstTurnToTheNext() throws Exception {
    FirstSends.Turn first = firstSends.await("cloud-api:number-a").orElseThrow();
    Future<Optional<FirstSends.Turn>> second = another("cloud-api:number-a");
    parked(second);

    first.end(); // e.g. its claim was lost to a redelivery: nothing was sent

    Optional<FirstSends.Turn> next = second.get(5, TimeUnit.SECONDS);
    assertThat(next).as("the next send is the number's first").isPresent();
    Future<Optional<FirstSends.Turn>> third = another("cloud-api:number-a");
    parked(third);
    assertThat(third).isNotDone();
    next.get().sent();
    next.get().end();
    assertThat(third.get(5, TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  void eachNumberHasItsOwnFirstSend() throws Exception {
    firstSends.await("cloud-api:number-a").orElseThrow(); // not ended: number a's others wait

    CompletableFuture<Optional<FirstSends.Turn>> otherNumber =
        CompletableFuture.supplyAsync(() -> awaitQuietly("cloud-api:number-b"), sessions);

    assertThat(otherNumber.get(5, TimeUnit.SECONDS)).as("number b's first send").isPresent();
  }

  private Optional<FirstSends.Turn> awaitQuietly(String sender) {
    try {
      return firstSends.await(sender);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
