package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.accounts.SenderAccount;
import dev.crm.whatsapp.providers.Providers.Route;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** This process's {@link SenderPacer}, keyed by sender number. */
@ApplicationScoped
public class Pacing {
  static final Duration SLOW_FOR = Duration.ofMinutes(1);

  private final SenderPacer pacer = new SenderPacer(SenderPacer.Ticker.SYSTEM, SLOW_FOR);

  /** Waits for the route's number to have room; false when interrupted. */
  public boolean acquire(Route route) {
    try {
      pacer.acquire(route.senderKey(), route.mpsLimit());
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
    pacer.slowDown(route.senderKey());
  }
}
