package dev.crm.whatsapp.accounts;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the number a send leaves from: the preferred number (a campaign's choice) when it is active
 * and not critical. Without a preference, when two or more numbers are active and healthy: the primary
 * while at least half its one-second pacing window is free, else the least loaded of them (the largest
 * free share of its window, {@link Load}; the primary first on a tie), so that one number's rate limit
 * is not the tenant's. Otherwise the primary when
 * active and healthy; otherwise the healthiest active number that is not critical. Paused and disabled
 * numbers are never chosen, so an unhealthy or restricted number fails over to another of the tenant's
 * numbers, and the choice says so.
 */
public final class SenderSelection {

  /** How loaded a number is right now: the free share (0..1) of its current one-second pacing window. */
  @FunctionalInterface
  public interface Load {
    double freeShare(SenderAccount account);

    /** Every number idle: the primary wins every tie. */
    Load IDLE = account -> 1.0;
  }

  /**
   * The choice.
   *
   * @param failedOver true when the preferred (or, without a preference, the primary) number was passed over
   * @param why a short explanation, shown with the send
   */
  public record Choice(SenderAccount account, boolean failedOver, String why) {}

  /**
   * While the healthy primary has at least this share of its one-second window free, it takes the send
   * itself: a rep's messages to a lead keep leaving from one number, and only load beyond half the
   * primary's rate spills over to the other numbers.
   */
  static final double SPILL_OVER = 0.5;

  private SenderSelection() {}

  public static Optional<Choice> choose(List<SenderAccount> accounts, Optional<String> preferredId) {
    return choose(accounts, preferredId, Load.IDLE);
  }

  public static Optional<Choice> choose(List<SenderAccount> accounts, Optional<String> preferredId, Load load) {
    List<SenderAccount> usable = accounts.stream()
        .filter(a -> a.status() == SenderStatus.ACTIVE && !HealthScore.isCritical(a.healthScore()))
        .toList();
    if (preferredId.isEmpty()) {
      Optional<Choice> spread = leastLoadedHealthy(usable, load);
      if (spread.isPresent()) {
        return spread;
      }
    }
    Optional<SenderAccount> asked = preferredId.isPresent()
        ? accounts.stream().filter(a -> a.id().equals(preferredId.get())).findFirst()
        : accounts.stream().filter(SenderAccount::isPrimary).findFirst();
    Optional<SenderAccount> chosen = preferredId
        .flatMap(id -> usable.stream().filter(a -> a.id().equals(id)).findFirst())
        .or(() -> usable.stream().filter(a -> a.isPrimary() && HealthScore.isHealthy(a.healthScore())).findFirst())
        .or(() -> usable.stream().max(Comparator.comparingInt(SenderAccount::healthScore)
            .thenComparing(SenderAccount::createdAt, Comparator.reverseOrder())));
    return chosen.map(account -> {
      boolean failedOver = asked.isPresent() && !asked.get().id().equals(account.id());
      String why = failedOver
          ? "failed over from " + asked.get().name() + " (" + reason(asked.get()) + ")"
          : account.id().equals(preferredId.orElse(null)) ? "preferred number"
              : account.isPrimary() ? "primary number" : "healthiest number";
      return new Choice(account, failedOver, why);
    });
  }

  private static Optional<Choice> leastLoadedHealthy(List<SenderAccount> usable, Load load) {
    List<SenderAccount> healthy = usable.stream().filter(a -> HealthScore.isHealthy(a.healthScore())).toList();
    if (healthy.size() < 2) {
      return Optional.empty();
    }
    Optional<SenderAccount> primary = healthy.stream().filter(SenderAccount::isPrimary).findFirst();
    if (primary.isPresent() && load.freeShare(primary.get()) >= SPILL_OVER) {
      return Optional.of(new Choice(primary.get(), false, "primary number"));
    }
    SenderAccount best = null;
    double bestShare = -1;
    for (SenderAccount account : healthy) {
      double share = load.freeShare(account);
      if (share > bestShare || (share == bestShare && account.isPrimary())) {
        best = account;
        bestShare = share;
      }
    }
    return Optional.of(new Choice(best, false,
        best.isPrimary() ? "primary number" : "least loaded of " + healthy.size() + " healthy numbers"));
  }

  private static String reason(SenderAccount account) {
    if (account.status() != SenderStatus.ACTIVE) {
      return account.status().wireName() + account.statusReason().map(r -> ": " + r).orElse("");
    }
    return "health " + account.healthScore();
  }
}
