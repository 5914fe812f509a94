package dev.crm.whatsapp.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks a tenant's sender number for each send ({@link SenderSelection}). A tenant's accounts are read
 * at most once per {@link #FRESHNESS}, so a burst of sends costs no query each; a paused or changed
 * number is seen within that time.
 */
@ApplicationScoped
public class SenderRouter {
  static final Duration FRESHNESS = Duration.ofSeconds(5);

  private record Snapshot(List<SenderAccount> accounts, Instant readAt) {}

  @Inject SenderAccounts accounts;
  @Inject Clock clock;

  private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

  /** Empty when the tenant has no account at all; a choice, or none usable, otherwise. */
  public Optional<Optional<SenderSelection.Choice>> choose(String tenant, Optional<String> preferredAccountId,
      SenderSelection.Load load) {
    List<SenderAccount> all = accountsOf(tenant);
    if (all.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(SenderSelection.choose(all, preferredAccountId, load));
  }

  /** Forgets what was read, e.g. after an admin or the error policy changed a number. */
  public void forget(String tenant) {
    snapshots.remove(tenant);
  }

  private List<SenderAccount> accountsOf(String tenant) {
    Instant now = clock.instant();
    Snapshot snapshot = snapshots.get(tenant);
    if (snapshot == null || snapshot.readAt().plus(FRESHNESS).isBefore(now)) {
      snapshot = new Snapshot(List.copyOf(accounts.ofTenant(tenant)), now);
      snapshots.put(tenant, snapshot);
    }
    return snapshot.accounts();
  }
}
