package dev.crm.whatsapp.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two instances pacing one number through one ledger, on a simulated clock: sleeping advances time,
 * nothing really waits.
 */
class SharedPacerTest {
  private static final long SECOND = 1_000_000_000L;

  /** A clock that moves only when a pacer sleeps or the test says so. */
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

  /** The database's row, on the same clock. */
  private static final class MemoryLedger implements SharedPacer.Ledger {
    private final FakeTicker clock;
    long nextSlotMicros;
    int leases;

    MemoryLedger(FakeTicker clock) {
      this.clock = clock;
    }

    @Override
    public SharedPacer.Lease lease(String sender, int count, long spacingMicros) {
      leases++;
      long nowMicros = clock.now / 1_000;
      nextSlotMicros = Math.max(nextSlotMicros, nowMicros) + count * spacingMicros;
      return new SharedPacer.Lease(nextSlotMicros, nowMicros);
    }
  }

  private final FakeTicker ticker = new FakeTicker();
  private final MemoryLedger ledger = new MemoryLedger(ticker);
  private final SharedPacer first = new SharedPacer(ledger, ticker, Duration.ofSeconds(60));
  private final SharedPacer second = new SharedPacer(ledger, ticker, Duration.ofSeconds(60));

  private static int busiestSecond(List<Long> starts) {
    List<Long> sorted = starts.stream().sorted().toList();
    int busiest = 0;
    for (int from = 0, to = 0; to < sorted.size(); to++) {
      while (sorted.get(to) - sorted.get(from) >= SECOND) {
        from++;
      }
      busiest = Math.max(busiest, to - from + 1);
    }
    return busiest;
  }

  @Test
  void twoInstancesTogetherNeverPutMoreThanTheLimitInAnyOneSecond() throws InterruptedException {
    List<Long> starts = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      (i % 3 == 0 ? second : first).acquire("cloud-api:number-a", 80);
      starts.add(ticker.now);
    }

    assertThat(busiestSecond(starts)).isLessThanOrEqualTo(80);
  }

  @Test
  void instancesTakingTurnsShareTheNumbersFullRateBetweenThem() throws InterruptedException {
    int batch = SharedPacer.leaseSize(80);
    List<Long> starts = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      (i / batch % 2 == 0 ? first : second).acquire("cloud-api:number-a", 80);
      starts.add(ticker.now);
    }

    assertThat(busiestSecond(starts)).isLessThanOrEqualTo(80);
    double seconds = (starts.get(starts.size() - 1) - starts.get(0)) / (double) SECOND;
    assertThat(starts.size() / seconds).isBetween(0.97 * 80, 80.0);
  }

  @Test
  void slotsAreLeasedInSmallBatchesNotOneRoundTripPerSend() throws InterruptedException {
    for (int i = 0; i < 1000; i++) {
      first.acquire("cloud-api:number-a", 1000);
    }

    assertThat(ledger.leases).isEqualTo(1000 / SharedPacer.leaseSize(1000));
  }

  @Test
  void slotsMissedByMoreThanTheGraceAreDroppedNotSpentLate() throws InterruptedException {
    first.acquire("cloud-api:number-a", 1000); // leases a batch, uses its first slot
    ticker.now += SECOND; // this instance stalls (a pause, a long GC): the rest of the batch is past

    first.acquire("cloud-api:number-a", 1000);

    assertThat(ledger.leases).isEqualTo(2);
  }

  @Test
  void slowingDownHalvesOnlyThisInstancesShare() throws InterruptedException {
    first.slowDown("cloud-api:number-a");
    long start = ticker.now;
    for (int i = 0; i < 200; i++) {
      first.acquire("cloud-api:number-a", 100);
    }

    double rate = 200 / ((ticker.now - start) / (double) SECOND);
    assertThat(rate).isBetween(45.0, 50.0);
  }
}
