package dev.crm.whatsapp.dispatch;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each sender number under its messages per second over every one-second window: a send may start
 * only when the send {@code limit} places earlier started at least {@link #WINDOW} ago. A slot is the
 * time a send may leave, and it must leave within {@link #GRACE} of it ({@link Pacing#startsInTime}
 * takes a fresh slot when the claim made it late): a window of a second plus that grace is what keeps the
 * requests themselves, not only the slots, under the limit in every second. A {@code 130429} slows the
 * number to half its rate for a while. This is per process: with several instances, each gets its share
 * of the number's rate (see docs/sending.md).
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
  /** How long after its slot a send may still start. */
  static final long GRACE = 20_000_000L;
  /** The span {@code limit} slots must cover: a second, and the grace a send may start late by. */
  static final long WINDOW = SECOND + GRACE;

  private final Ticker ticker;
  private final Duration slowFor;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public SenderPacer(Ticker ticker, Duration slowFor) {
    this.ticker = ticker;
    this.slowFor = slowFor;
  }

  /**
   * Waits until {@code sender} may start one more send at {@code limit} per second, and returns the slot
   * taken: the send must start within {@link #GRACE} of it.
   */
  public long acquire(String sender, int limit) throws InterruptedException {
    Window window = windows.computeIfAbsent(sender, k -> new Window());
    while (true) {
      long now = ticker.nanos();
      long wait = window.tryTake(now, limit);
      if (wait == 0) {
        return now;
      }
      ticker.sleep(wait);
    }
  }

  /** Halves the sender's rate until {@code slowFor} has passed (after a {@code 130429}). */
  public void slowDown(String sender) {
    Window window = windows.computeIfAbsent(sender, k -> new Window());
    window.slowUntil = ticker.nanos() + slowFor.toNanos();
    window.slowed = true;
  }

  /**
   * The free share (0..1) of {@code sender}'s current one-second window at configured {@code limit}: 1
   * when it started nothing in the last second, 0 when a send would have to wait.
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

  /** The start times of the last {@code limit} sends of one sender, as a ring. */
  private static final class Window {
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
      // The ring holds start times in the order taken: binary search for the first within the second.
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

    /** Takes a slot now and returns 0, or returns how long to wait before asking again. */
    synchronized long tryTake(long now, int configuredLimit) {
      int limit = effective(now, configuredLimit);
      if (starts.length != limit) {
        resize(limit);
      }
      if (filled == limit) {
        long oldest = starts[next];
        long age = now - oldest;
        if (age < WINDOW) {
          return WINDOW - age;
        }
      }
      starts[next] = now;
      next = (next + 1) % limit;
      filled = Math.min(filled + 1, limit);
      return 0;
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
