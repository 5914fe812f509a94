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
 * WhatsApp, and a missed message is better than a duplicate.
 */
@ApplicationScoped
public class UnresolvedSends {
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
    return marked;
  }
}
