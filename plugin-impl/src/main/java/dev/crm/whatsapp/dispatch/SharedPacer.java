package dev.crm.whatsapp.dispatch;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Paces a sender number shared by several instances. The number's sends are time slots handed out by one
 * shared ledger ({@link Ledger}, a PostgreSQL row per number): every lease takes the next few slots,
 * spaced {@code 1.02 s / limit} apart whoever leases them, so the slots of all instances together never
 * put more than {@code limit} in any one second. A slot is used only from its time until
 * {@link #GRACE} after it (a late one is dropped, never spent late), and the 2% of spacing beyond
 * {@code 1 s / limit} absorbs that grace and the error of reading the ledger's clock: sends still start
 * at most {@code limit} to any one-second window, across the cluster. Single instances keep the exact
 * in-memory {@link SenderPacer}.
 */
public final class SharedPacer {

  /** The shared ledger of slots. */
  public interface Ledger {
    /**
     * Takes the next {@code count} slots of {@code sender}, {@code spacingMicros} apart, none before the
     * ledger's now.
     */
    Lease lease(String sender, int count, long spacingMicros);
  }

  /**
   * Slots {@code end - count * spacing}, ..., {@code end - spacing} in the ledger's clock (microseconds
   * since the epoch), and the ledger's clock when it granted them.
   */
  public record Lease(long endMicros, long ledgerNowMicros) {}

  /** How late a slot may still be used (nanoseconds). */
  static final long GRACE = 10_000_000L;
  /** One second plus the margin that grace and clock reading take. */
  static final long SPACED_SECOND_MICROS = 1_020_000L;
  /** Slots leased at once: a twentieth of a second's worth, 1 to 50. */
  static int leaseSize(int limit) {
    return Math.max(1, Math.min(50, limit / 20));
  }

  private static final long OFFSET_KEPT_FOR = 10_000_000_000L;

  private final Ledger ledger;
  private final SenderPacer.Ticker ticker;
  private final long slowForNanos;
  private final Map<String, Slots> senders = new ConcurrentHashMap<>();

  public SharedPacer(Ledger ledger, SenderPacer.Ticker ticker, java.time.Duration slowFor) {
    this.ledger = ledger;
    this.ticker = ticker;
    this.slowForNanos = slowFor.toNanos();
  }

  /**
   * Waits until one of {@code sender}'s slots at {@code limit} per second is due, takes it and returns
   * it (local nanoseconds): the send must start within {@link #GRACE} of it.
   */
  public long acquire(String sender, int limit) throws InterruptedException {
    Slots slots = senders.computeIfAbsent(sender, k -> new Slots());
    while (true) {
      long slot = slots.next(sender, limit);
      long early = slot - ticker.nanos();
      if (early > 0) {
        ticker.sleep(early);
      }
      if (ticker.nanos() - slot <= GRACE) {
        return slot;
      }
      // too late to use: dropped, so that no late send crowds a later second
    }
  }

  /** Halves this instance's share of the number for a while (after a {@code 130429}). */
  public void slowDown(String sender) {
    senders.computeIfAbsent(sender, k -> new Slots()).slowUntil = ticker.nanos() + slowForNanos;
  }

  /** One number's leased slots in this instance, in local nanoseconds, and the ledger clock's offset. */
  private final class Slots {
    private final ArrayDeque<Long> leased = new ArrayDeque<>();
    private long offset = Long.MAX_VALUE;
    private long offsetSince;
    private volatile long slowUntil = ticker.nanos(); // not slowed

    synchronized long next(String sender, int limit) {
      while (!leased.isEmpty() && ticker.nanos() - leased.peekFirst() > GRACE) {
        leased.pollFirst(); // expired while nobody asked
      }
      if (leased.isEmpty()) {
        lease(sender, limit);
      }
      return leased.pollFirst();
    }

    private void lease(String sender, int limit) {
      int rate = ticker.nanos() - slowUntil < 0 ? Math.max(1, limit / 2) : limit;
      int count = leaseSize(rate);
      long spacing = SPACED_SECOND_MICROS / rate;
      Lease lease = ledger.lease(sender, count, spacing);
      long now = ticker.nanos();
      // The ledger read its clock before we read ours, so this offset places slots a little late, never
      // early; the smallest seen recently is the closest.
      long seen = now - lease.ledgerNowMicros() * 1_000L;
      if (seen < offset || now - offsetSince > OFFSET_KEPT_FOR) {
        offset = seen;
        offsetSince = now;
      }
      for (int i = count; i >= 1; i--) {
        leased.addLast((lease.endMicros() - i * spacing) * 1_000L + offset);
      }
    }
  }
}
