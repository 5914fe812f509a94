package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.accounts.SenderAccount;
import dev.crm.whatsapp.providers.Providers.Route;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pacing by sender number: this process's {@link SenderPacer}, or with {@code wa.dispatch.shared-pacing}
 * (several instances on one database) the {@link SharedPacer} on the database's slot ledger.
 */
@ApplicationScoped
public class Pacing {
  static final Duration SLOW_FOR = Duration.ofMinutes(1);

  private final SenderPacer.Ticker ticker;
  private final SenderPacer pacer;
  private SharedPacer shared;

  public Pacing() {
    this(SenderPacer.Ticker.SYSTEM);
  }

  /** This process's pacing on {@code ticker}'s clock, for tests. */
  Pacing(SenderPacer.Ticker ticker) {
    this.ticker = ticker;
    this.pacer = new SenderPacer(ticker, SLOW_FOR);
  }

  /** Pacing shared through {@code ledger} on {@code ticker}'s clock, for tests. */
  static Pacing shared(SharedPacer.Ledger ledger, SenderPacer.Ticker ticker) {
    Pacing pacing = new Pacing(ticker);
    pacing.shared = new SharedPacer(ledger, ticker, SLOW_FOR);
    return pacing;
  }

  @Inject
  void shareWhenClustered(@ConfigProperty(name = "wa.dispatch.shared-pacing", defaultValue = "false") boolean share,
      PaceLedger ledger) {
    shared = share ? new SharedPacer(ledger, ticker, SLOW_FOR) : null;
  }

  /**
   * Waits for the route's number to have room and takes a slot: its time (on the pacer's clock,
   * {@link System#nanoTime} in production), or empty when interrupted. Taken before the claim, so that a message waits
   * for its number unclaimed; {@link #startsInTime} after the claim makes sure the request leaves in it.
   */
  public OptionalLong acquire(Route route) {
    try {
      return OptionalLong.of(shared != null
          ? shared.acquire(route.senderKey(), route.mpsLimit())
          : pacer.acquire(route.senderKey(), route.mpsLimit()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalLong.empty();
    }
  }

  /**
   * Whether a send may leave now in the slot taken at {@code slot}; when the claim's commit took it past
   * its grace, waits for a fresh slot instead (the late one stays spent). Without this, sends paced apart
   * but held by the same batched claim would leave together and crowd one second above the limit. False
   * when interrupted.
   */
  public boolean startsInTime(Route route, long slot) {
    long grace = shared != null ? SharedPacer.GRACE : SenderPacer.GRACE;
    return ticker.nanos() - slot <= grace || acquire(route).isPresent();
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
