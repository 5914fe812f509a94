package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.providers.Providers.Route;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Decides how a send to a number with a messaging tier is claimed. Far from the limit, an ordinary claim:
 * the number's unique recipients are estimated from a count at most {@link #FRESHNESS} old plus every
 * claim this process made since (an overestimate: a repeated recipient is counted again). Within
 * {@link #margin} of the limit, each send is checked exactly ({@link SendClaims#claimWithinTier}), one
 * at a time per number. A number without a tier costs nothing.
 */
@ApplicationScoped
public class TierGate {
  static final Duration FRESHNESS = Duration.ofSeconds(10);

  private record Estimate(long counted, Instant readAt, AtomicLong claimedSince) {}

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  @Inject Clock clock;

  private final Map<String, Estimate> estimates = new ConcurrentHashMap<>();
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  /** True when the route's number is close enough to its tier that each send must be checked exactly. */
  public boolean nearLimit(Route route) {
    if (route.dailyLimit() == null) {
      return false;
    }
    Instant now = clock.instant();
    Estimate estimate = estimates.get(route.senderKey());
    if (estimate == null || estimate.readAt().plus(FRESHNESS).isBefore(now)) {
      long counted = MessagingTier.over(em).uniqueRecipients(route.provider().type(), route.senderId(),
          OffsetDateTime.now(clock));
      estimate = new Estimate(counted, now, new AtomicLong());
      estimates.put(route.senderKey(), estimate);
    }
    return estimate.counted() + estimate.claimedSince().get() >= route.dailyLimit() - margin(route.dailyLimit());
  }

  /** This process claimed a send on the route's number outside the exact check. */
  public void claimed(Route route) {
    Estimate estimate = estimates.get(route.senderKey());
    if (estimate != null) {
      estimate.claimedSince().incrementAndGet();
    }
  }

  /** The in-process lock under which the exact checks of one number run one at a time. */
  public ReentrantLock lockOf(Route route) {
    return locks.computeIfAbsent(route.senderKey(), k -> new ReentrantLock());
  }

  /** How close to the limit the exact check starts: a tenth of it, at least 10 recipients. */
  static long margin(int limit) {
    return Math.max(10, limit / 10);
  }
}
