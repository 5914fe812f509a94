package dev.crm.whatsapp.dispatch;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each sender number under its messages per second over every one-second window, counted where it
 * matters, at the provider, as requests arrive: sends are spaced evenly, {@link #WINDOW}{@code / limit}
 * apart, never in bursts. A burst of {@code limit} sends at once would leave the provider's count to the
 * spread of their arrival (connections, queueing): spaced slots put at most {@code limit} in any second as
 * long as a request's delay varies by less than the 2% margin, 20 ms. A slot is the time a send may leave,
 * and it must leave within {@link #GRACE} of it ({@link Pacing#startsInTime} takes a fresh slot when the
 * claim made it late). A {@code 130429} slows the number to half its rate for a while. This is per
 * process: with several instances, each gets its share of the number's rate (see docs/sending.md).
 */
public final class SenderPacer {

  /** Time as the pacer sees it, in nanoseconds; waiting is the caller's. */
  public interface Ticker {
    long nanos();

    void sleep(long nanos) throws InterruptedException;

    Ticker SYSTEM = new Ticker() {
      @Override
      public long nanos() {
        return System.nanoTime();
      }

      @Override
      public void sleep(long nanos) throws InterruptedException {
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
      }
    };
  }

  private static final long SECOND = 1_000_000_000L;
  /** How long after its slot a send may still start: half the margin, the other half for the way there. */
  static final long GRACE = 10_000_000L;
  /** {@code limit} slots span a second and a 2% margin: a request's delay may vary by that much. */
  static final long WINDOW = 1_020_000_000L;

  private final Ticker ticker;
  private final Duration slowFor;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public SenderPacer(Ticker ticker, Duration slowFor) {
    this.ticker = ticker;
    this.slowFor = slowFor;
  }

  /**
   * Waits until {@code sender} may start one more send at {@code limit} per second, and returns the slot
   * taken: the send must start within {@link #GRACE} of it. Each caller reserves the next free slot, so
   * waiting callers go in turn.
   */
  public long acquire(String sender, int limit) throws InterruptedException {
    long slot = windows.computeIfAbsent(sender, k -> new Window()).reserve(ticker.nanos(), limit);
    long early = slot - ticker.nanos();
    if (early > 0) {
      ticker.sleep(early);
    }
    return slot;
  }

  /** Halves the sender's rate until {@code slowFor} has passed (after a {@code 130429}). */
  public void slowDown(String sender) {
    Window window = windows.computeIfAbsent(sender, k -> new Window());
    window.slowUntil = ticker.nanos() + slowFor.toNanos();
    window.slowed = true;
  }

  /**
   * The free share (0..1) of {@code sender}'s capacity at configured {@code limit}: 1 when it took no
   * slot in the last second, 0 when it took (or reserved ahead) a second's worth.
   */
  public double freeShare(String sender, int limit) {
    Window window = windows.get(sender);
    return window == null ? 1.0 : window.freeShare(ticker.nanos(), limit);
  }

  /** The rate in force for {@code sender} with configured {@code limit}. */
  public int effectiveLimit(String sender, int limit) {
    Window window = windows.get(sender);
    return window == null ? limit : window.effective(ticker.nanos(), limit);
  }

  /**
   * One sender's next free slot, and the last {@code limit} slots taken (some may lie ahead), as a ring:
   * how busy the number is.
   */
  private static final class Window {
    private long nextFree;
    private long[] starts = new long[0];
    private int next;
    private int filled;
    private volatile long slowUntil;
    private volatile boolean slowed;

    int effective(long now, int limit) {
      return slowed && now - slowUntil < 0 ? Math.max(1, limit / 2) : limit;
    }

    synchronized double freeShare(long now, int configuredLimit) {
      int limit = effective(now, configuredLimit);
      // The ring holds slots in the order taken, which is their order: binary search for the first recent one.
      int low = 0;
      int high = filled;
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (now - starts[Math.floorMod(next - filled + middle, starts.length)] < WINDOW) {
          high = middle;
        } else {
          low = middle + 1;
        }
      }
      int recent = filled - low;
      return Math.max(0, limit - recent) / (double) limit;
    }

    /** The next free slot, not before {@code now}: the time the send may start. */
    synchronized long reserve(long now, int configuredLimit) {
      int limit = effective(now, configuredLimit);
      if (starts.length != limit) {
        resize(limit);
      }
      long slot = filled > 0 && nextFree - now > 0 ? nextFree : now; // nanoTime: compare by difference
      nextFree = slot + WINDOW / limit;
      starts[next] = slot;
      next = (next + 1) % limit;
      filled = Math.min(filled + 1, limit);
      return slot;
    }

    /** Keeps the most recent starts when the limit changes. */
    private void resize(int limit) {
      long[] recent = new long[limit];
      int keep = Math.min(filled, limit);
      for (int i = 0; i < keep; i++) {
        int from = Math.floorMod(next - keep + i, Math.max(starts.length, 1));
        recent[i] = starts[from];
      }
      starts = recent;
      filled = keep;
      next = keep % limit;
    }
  }
}
