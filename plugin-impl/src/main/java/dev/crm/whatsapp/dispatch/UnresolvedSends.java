package dev.crm.whatsapp.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.logging.Logger;

/**
 * Ends the wait of sends whose outcome never arrived: after {@code wa.dispatch.unknown-after} in
 * {@code sending} a message becomes {@code unknown}. It is never resent: the request may have reached
 * WhatsApp, and a missed message is better than a duplicate. Each sweep also brings campaign recipients left
 * behind their messages' ends back in step, so that their campaigns complete.
 */
@ApplicationScoped
public class UnresolvedSends {
  /** Recipients caught up with their messages per sweep (a minute): enough for any crash's leftovers. */
  static final int STRAGGLERS_PER_SWEEP = 5000;
  private static final Logger LOG = Logger.getLogger(UnresolvedSends.class.getName());

  @Inject SendAttempts attempts;
  @Inject DispatchSettings settings;
  @Inject Clock clock;

  @Transactional
  public int markUnknown() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    int marked = attempts.markUnresolvedUnknown(now.minus(settings.unknownAfter()), now);
    if (marked > 0) {
      LOG.warning(() -> marked + " sends without an outcome after " + settings.unknownAfter() + " marked unknown");
    }
    int caughtUp = attempts.catchUpRecipients(now, STRAGGLERS_PER_SWEEP);
    if (caughtUp > 0) {
      LOG.warning(() -> caughtUp + " campaign recipients had stayed behind their ended messages; they follow now");
    }
    return marked;
  }
}
