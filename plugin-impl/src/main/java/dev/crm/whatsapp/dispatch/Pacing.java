package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.accounts.SenderAccount;
import dev.crm.whatsapp.providers.Providers.Route;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pacing by sender number: this process's {@link SenderPacer}, or with {@code wa.dispatch.shared-pacing}
 * (several instances on one database) the {@link SharedPacer} on the database's slot ledger.
 */
@ApplicationScoped
public class Pacing {
  static final Duration SLOW_FOR = Duration.ofMinutes(1);

  private final SenderPacer pacer = new SenderPacer(SenderPacer.Ticker.SYSTEM, SLOW_FOR);
  private SharedPacer shared;

  @Inject
  void shareWhenClustered(@ConfigProperty(name = "wa.dispatch.shared-pacing", defaultValue = "false") boolean share,
      PaceLedger ledger) {
    shared = share ? new SharedPacer(ledger, SenderPacer.Ticker.SYSTEM, SLOW_FOR) : null;
  }

  /** Waits for the route's number to have room; false when interrupted. */
  public boolean acquire(Route route) {
    try {
      if (shared != null) {
        shared.acquire(route.senderKey(), route.mpsLimit());
      } else {
        pacer.acquire(route.senderKey(), route.mpsLimit());
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** How loaded a sender account's number is in this process, for spreading sends over numbers. */
  public double freeShare(SenderAccount account) {
    return pacer.freeShare(Route.keyOf(account.provider(), account.senderId()), account.mpsLimit());
  }

  public void slowDown(Route route) {
    if (shared != null) {
      shared.slowDown(route.senderKey());
    } else {
      pacer.slowDown(route.senderKey());
    }
  }
}
