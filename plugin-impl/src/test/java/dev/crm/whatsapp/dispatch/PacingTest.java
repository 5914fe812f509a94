package dev.crm.whatsapp.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.provider.MessagingProvider;
import dev.crm.whatsapp.api.provider.OutboundMessage;
import dev.crm.whatsapp.api.provider.SendOutcome;
import dev.crm.whatsapp.providers.Providers.Route;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's use of pacing, on a simulated clock: a slot is taken before the claim, the claim's
 * batched commit takes a while, then the request leaves. What counts is when requests leave, not when
 * slots were taken: sends paced apart but held by one slow commit must not leave together and crowd a
 * second above the number's limit.
 */
class PacingTest {
  private static final long SECOND = 1_000_000_000L;
  private static final long MILLI = 1_000_000L;

  private static final class FakeTicker implements SenderPacer.Ticker {
    long now = 5 * SECOND;

    @Override
    public long nanos() {
      return now;
    }

    @Override
    public void sleep(long nanos) {
      now += nanos;
    }
  }

  /** The ledger's row, on the same clock. */
  private static final class MemoryLedger implements SharedPacer.Ledger {
    private final FakeTicker clock;
    private long nextSlotMicros;

    MemoryLedger(FakeTicker clock) {
      this.clock = clock;
    }

    @Override
    public SharedPacer.Lease lease(String sender, int count, long spacingMicros) {
      long nowMicros = clock.now / 1_000;
      nextSlotMicros = Math.max(nextSlotMicros, nowMicros) + count * spacingMicros;
      return new SharedPacer.Lease(nextSlotMicros, nowMicros);
    }
  }

  private static final MessagingProvider NOTHING = new MessagingProvider() {
    @Override
    public String type() {
      return "cloud-api";
    }

    @Override
    public SendOutcome send(OutboundMessage message) {
      throw new UnsupportedOperationException("not sent in this test");
    }
  };

  private final FakeTicker ticker = new FakeTicker();

  private Route number(int mps) {
    return new Route(NOTHING, "number-a", "account-a", mps, null, null, "Number A");
  }

  /**
   * {@code sessions} dispatch sessions each take a slot; their claims share one batched commit that
   * takes {@code claimMillis}; then each checks its slot and its request leaves. Returns when each left.
   */
  private List<Long> oneBatch(Pacing pacing, Route route, int sessions, int claimMillis) {
    List<Long> slots = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      slots.add(pacing.acquire(route).getAsLong());
    }
    ticker.now += claimMillis * MILLI;
    List<Long> leaving = new ArrayList<>();
    for (long slot : slots) {
      assertThat(pacing.startsInTime(route, slot)).isTrue();
      leaving.add(ticker.now);
    }
    return leaving;
  }

  /** A second's worth of sends held 900 ms by their claim, then the next second's sends, on time. */
  private List<Long> lateThenOnTime(Pacing pacing, Route route) {
    List<Long> leaving = new ArrayList<>(oneBatch(pacing, route, route.mpsLimit(), 900));
    for (int i = 0; i < 3 * route.mpsLimit(); i++) {
      leaving.addAll(oneBatch(pacing, route, 1, 0));
    }
    return leaving;
  }

  private static int busiestSecond(List<Long> times) {
    List<Long> sorted = times.stream().sorted().toList();
    int busiest = 0;
    for (int from = 0, to = 0; to < sorted.size(); to++) {
      while (sorted.get(to) - sorted.get(from) >= SECOND) {
        from++;
      }
      busiest = Math.max(busiest, to - from + 1);
    }
    return busiest;
  }

  private static double rate(List<Long> times) {
    return (times.size() - 1) / ((times.get(times.size() - 1) - times.get(0)) / (double) SECOND);
  }

  @Test
  void requestsHeldByASlowClaimNeverShareASecondAboveTheLimitWithThoseOnTime() {
    List<Long> leaving = lateThenOnTime(new Pacing(ticker), number(10));

    assertThat(busiestSecond(leaving)).isLessThanOrEqualTo(10);
  }

  @Test
  void requestsHeldByASlowClaimStayUnderTheLimitWithSharedPacingToo() {
    List<Long> leaving = lateThenOnTime(Pacing.shared(new MemoryLedger(ticker), ticker), number(100));

    assertThat(busiestSecond(leaving)).isLessThanOrEqualTo(100);
  }

  @Test
  void aQuickClaimKeepsItsSlotSoTheNumberRunsCloseToItsLimit() {
    Pacing pacing = new Pacing(ticker);
    List<Long> leaving = new ArrayList<>();
    for (int i = 0; i < 4_000; i++) {
      leaving.addAll(oneBatch(pacing, number(80), 1, 2));
    }

    assertThat(busiestSecond(leaving)).isLessThanOrEqualTo(80);
    assertThat(rate(leaving)).isBetween(0.97 * 80, 80.0);
  }

  @Test
  void aClaimThatOutlastsTheGraceWaitsForAFreshSlot() {
    Pacing pacing = new Pacing(ticker);
    Route route = number(10);
    for (int i = 0; i < 10; i++) {
      pacing.acquire(route); // the window is full from now on
    }
    long slot = ticker.now;
    ticker.now += SenderPacer.GRACE + MILLI;

    assertThat(pacing.startsInTime(route, slot)).isTrue();

    assertThat(ticker.now).isEqualTo(slot + SenderPacer.WINDOW / 10); // the next slot in turn
  }
}
