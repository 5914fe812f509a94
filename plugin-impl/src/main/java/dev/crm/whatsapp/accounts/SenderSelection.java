package dev.crm.whatsapp.accounts;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the number a send leaves from: the preferred number (a campaign's choice) when it is active
 * and not critical; otherwise the primary when active and healthy; otherwise the healthiest active number
 * that is not critical. Paused and disabled numbers are never chosen, so an unhealthy or restricted
 * number fails over to another of the tenant's numbers, and the choice says so.
 */
public final class SenderSelection {

  /**
   * The choice.
   *
   * @param failedOver true when the preferred (or, without a preference, the primary) number was passed over
   * @param why a short explanation, shown with the send
   */
  public record Choice(SenderAccount account, boolean failedOver, String why) {}

  private SenderSelection() {}

  public static Optional<Choice> choose(List<SenderAccount> accounts, Optional<String> preferredId) {
    List<SenderAccount> usable = accounts.stream()
        .filter(a -> a.status() == SenderStatus.ACTIVE && !HealthScore.isCritical(a.healthScore()))
        .toList();
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

  private static String reason(SenderAccount account) {
    if (account.status() != SenderStatus.ACTIVE) {
      return account.status().wireName() + account.statusReason().map(r -> ": " + r).orElse("");
    }
    return "health " + account.healthScore();
  }
}
