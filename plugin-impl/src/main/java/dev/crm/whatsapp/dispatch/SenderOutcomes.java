package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.api.provider.SendOutcome;
import dev.crm.whatsapp.platform.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every provider call's outcome, per sender number, for its health score: counted in memory as sends
 * happen (no database write per send), flushed as one row per number and instance each minute, and read
 * back summed over every instance. Accepted and refused calls reached the provider; a call that never
 * connected or whose answer never came did not (or may not have): unreached.
 */
@ApplicationScoped
public class SenderOutcomes {
  static final Duration KEPT = Duration.ofDays(2);

  /** A number's outcomes over a period: provider calls accepted, refused, not reached, and their timing. */
  public record Totals(long accepted, long refused, long unreached, long latencyMillis, long timed) {
    public static final Totals NONE = new Totals(0, 0, 0, 0, 0);

    /** Mean milliseconds of a provider call that got an answer, or null when none was timed. */
    public Long averageLatencyMillis() {
      return timed == 0 ? null : latencyMillis / timed;
    }
  }

  private static final class Counts {
    final LongAdder accepted = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder unreached = new LongAdder();
    final LongAdder latencyMillis = new LongAdder();
    final LongAdder timed = new LongAdder();
  }

  private final String instance = UUID.randomUUID().toString();
  private final Map<String, Counts> counts = new ConcurrentHashMap<>();

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  @Inject Clock clock;

  /** One provider call of the number {@code senderKey} ended in {@code outcome} after {@code millis}. */
  public void record(String senderKey, SendOutcome outcome, long millis) {
    Counts c = counts.computeIfAbsent(senderKey, k -> new Counts());
    if (outcome instanceof SendOutcome.Accepted) {
      c.accepted.increment();
    } else if (outcome instanceof SendOutcome.Rejected) {
      c.refused.increment();
    } else {
      c.unreached.increment();
      return; // a call that never got an answer has no latency worth averaging
    }
    c.latencyMillis.add(millis);
    c.timed.increment();
  }

  /** Writes what this instance counted since its last flush, and forgets rows no longer read. */
  @Transactional
  public void flush() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Sql sql = Sql.over(em);
    counts.forEach((senderKey, c) -> {
      long accepted = c.accepted.sumThenReset();
      long refused = c.refused.sumThenReset();
      long unreached = c.unreached.sumThenReset();
      long latency = c.latencyMillis.sumThenReset();
      long timed = c.timed.sumThenReset();
      if (accepted + refused + unreached > 0) {
        sql.update("INSERT INTO wa_sender_outcome (sender_key, instance_id, flushed_at, accepted, refused, unreached,"
            + " latency_ms, timed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            List.of(senderKey, instance, now, accepted, refused, unreached, latency, timed));
      }
    });
    sql.update("DELETE FROM wa_sender_outcome WHERE flushed_at < ?", List.of(now.minus(KEPT)));
  }

  /** The number's outcomes flushed by every instance since {@code since}. */
  public Totals since(String senderKey, OffsetDateTime since) {
    Object[] row = Sql.over(em).query("SELECT COALESCE(SUM(accepted), 0), COALESCE(SUM(refused), 0),"
        + " COALESCE(SUM(unreached), 0), COALESCE(SUM(latency_ms), 0), COALESCE(SUM(timed), 0)"
        + " FROM wa_sender_outcome WHERE sender_key = ? AND flushed_at >= ?", List.of(senderKey, since)).get(0);
    return new Totals(number(row[0]), number(row[1]), number(row[2]), number(row[3]), number(row[4]));
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  /** For tests outside the container. */
  public static SenderOutcomes over(EntityManager em, Clock clock) {
    SenderOutcomes outcomes = new SenderOutcomes();
    outcomes.em = em;
    outcomes.clock = clock;
    return outcomes;
  }
}
