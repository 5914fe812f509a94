package dev.crm.whatsapp.accounts;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.dispatch.ErrorPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A gateway number's WhatsApp Web session, as its {@code session.status} webhooks report it. A session
 * that stops, fails or needs a new QR scan cannot send: the number is paused with that reason, so that
 * sends fail over to another number; when the session works again a number paused for that reason (and
 * only for that reason, never one an admin paused) is active again. Connectivity follows too, and with it
 * the health score.
 */
@ApplicationScoped
public class GatewaySessionStatus {
  private static final Logger LOG = Logger.getLogger(GatewaySessionStatus.class.getName());
  static final String REASON_PREFIX = "gateway session is ";

  @Inject SenderAccounts accounts;
  @Inject SenderRouter router;
  @Inject Clock clock;
  @Inject Event<SenderPaused> paused;

  /** For tests outside the container. */
  public static GatewaySessionStatus over(SenderAccounts accounts, Clock clock) {
    GatewaySessionStatus recorder = new GatewaySessionStatus();
    recorder.accounts = accounts;
    recorder.clock = clock;
    return recorder;
  }

  /** The account a gateway webhook names, whatever its tenant (the webhook URL carries the account id). */
  public Optional<SenderAccount> account(String accountId) {
    return accounts.byId(accountId);
  }

  /**
   * Records that the session of account {@code accountId} became {@code status} at {@code at}.
   *
   * @return false when the report is older than the one held, or the account is unknown
   */
  public boolean record(String accountId, String status, OffsetDateTime at) {
    Optional<SenderAccount> found = accounts.byId(accountId);
    if (found.isEmpty() || !found.get().sessionStatus(status, at)) {
      return false;
    }
    SenderAccount account = found.get();
    OffsetDateTime now = OffsetDateTime.now(clock);
    boolean pausedBySession = account.status() == SenderStatus.PAUSED
        && account.statusReason().map(GatewaySessionStatus::isSessionReason).orElse(false);
    switch (status) {
      case "WORKING" -> {
        account.health(account.healthScore(), true, now);
        if (pausedBySession) {
          account.status(SenderStatus.ACTIVE, null, now);
        }
      }
      case "STOPPED", "FAILED", "SCAN_QR_CODE" -> {
        account.health(account.healthScore(), false, now);
        if (account.status() == SenderStatus.ACTIVE || pausedBySession) {
          boolean newly = account.status() == SenderStatus.ACTIVE;
          account.status(SenderStatus.PAUSED, REASON_PREFIX + status, now);
          LOG.warning(() -> "Sender number " + PhoneNumber.of(account.phoneNumber()).masked() + " paused: "
              + REASON_PREFIX + status);
          if (newly && paused != null) {
            paused.fire(new SenderPaused(account.tenant(), account.id(), account.name(), REASON_PREFIX + status));
          }
        }
      }
      default -> { } // STARTING and unknown values change nothing but the recorded status
    }
    if (router != null) {
      router.forget(account.tenant());
    }
    return true;
  }

  /** Paused by a session report, or by a send the gateway refused because the session was down. */
  private static boolean isSessionReason(String reason) {
    return reason.startsWith(REASON_PREFIX) || reason.startsWith("(#" + ErrorPolicy.GATEWAY_SESSION_DOWN + ")");
  }
}
