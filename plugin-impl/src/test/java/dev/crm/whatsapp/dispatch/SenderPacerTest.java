package dev.crm.whatsapp.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pacer on a simulated clock: sleeping advances time, nothing really waits. */
class SenderPacerTest {
  private static final long SECOND = 1_000_000_000L;

  /** A clock that moves only when the pacer sleeps or the test says so. */
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

  private final FakeTicker ticker = new FakeTicker();
  private final SenderPacer pacer = new SenderPacer(ticker, Duration.ofSeconds(60));

  private List<Long> starts(String sender, int limit, int sends) throws InterruptedException {
    List<Long> starts = new ArrayList<>();
    for (int i = 0; i < sends; i++) {
      pacer.acquire(sender, limit);
      starts.add(ticker.now);
    }
    return starts;
  }

  private static int busiestSecond(List<Long> starts) {
    int busiest = 0;
    for (int i = 0; i < starts.size(); i++) {
      int inWindow = 0;
      for (int j = i; j < starts.size() && starts.get(j) - starts.get(i) < SECOND; j++) {
        inWindow++;
      }
      busiest = Math.max(busiest, inWindow);
    }
    return busiest;
  }

  @Test
  void noOneSecondWindowHoldsMoreThanTheLimit() throws InterruptedException {
    List<Long> starts = starts("number-a", 80, 1000);

    assertThat(busiestSecond(starts)).isBetween(78, 80);
  }

  @Test
  void sendsAreSpacedEvenlyNeverInABurst() throws InterruptedException {
    List<Long> starts = starts("number-b", 10, 11);

    for (int k = 0; k < 11; k++) {
      assertThat(starts.get(k)).isEqualTo(5 * SECOND + k * SenderPacer.WINDOW / 10);
    }
  }

  @Test
  void anIdleNumberSendsAtOnce() throws InterruptedException {
    starts("number-g", 10, 3);
    ticker.now += 10 * SECOND;
    long idleUntil = ticker.now;

    assertThat(pacer.acquire("number-g", 10)).isEqualTo(idleUntil);
    assertThat(ticker.now).isEqualTo(idleUntil);
  }

  @Test
  void thousandSendsAtTenPerSecondTakeNinetyNineAndAHalfSimulatedSecondsOrMore() throws InterruptedException {
    List<Long> starts = starts("number-c", 10, 1000);

    assertThat(starts.get(999) - starts.get(0)).isGreaterThanOrEqualTo(99 * SECOND);
    assertThat(busiestSecond(starts)).isEqualTo(10);
  }

  @Test
  void numbersArePacedIndependently() throws InterruptedException {
    starts("number-d", 5, 5);
    long before = ticker.now;

    pacer.acquire("number-e", 5);

    assertThat(ticker.now).isEqualTo(before);
  }

  @Test
  void aSlowedNumberRunsAtHalfItsRateUntilTheSlowdownEnds() throws InterruptedException {
    pacer.slowDown("number-f");

    assertThat(pacer.effectiveLimit("number-f", 80)).isEqualTo(40);
    assertThat(busiestSecond(starts("number-f", 80, 200))).isEqualTo(40);
    ticker.now += 61 * SECOND;
    assertThat(pacer.effectiveLimit("number-f", 80)).isEqualTo(80);
  }

  @Test
  void theFreeShareOfANumberIsWhatItsLastSecondLeftUnused() throws InterruptedException {
    assertThat(pacer.freeShare("idle", 10)).isEqualTo(1.0);

    starts("busy", 10, 4);
    assertThat(pacer.freeShare("busy", 10)).isEqualTo(0.6);

    starts("busy", 10, 6);
    assertThat(pacer.freeShare("busy", 10)).isEqualTo(0.0);

    ticker.now += SECOND / 2;
    starts("busy", 10, 1); // its slot is free by now: taken at once
    ticker.now += SECOND - 1;
    assertThat(pacer.freeShare("busy", 10)).isEqualTo(0.9);

    ticker.now += SECOND;
    assertThat(pacer.freeShare("busy", 10)).isEqualTo(1.0);
  }
}
