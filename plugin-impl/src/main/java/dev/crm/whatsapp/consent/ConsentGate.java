package dev.crm.whatsapp.consent;

import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.history.LeadMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.logging.Logger;

/**
 * The consent check every send passes at the moment it would leave, after its claim: a message to an
 * opted-out phone ends as {@code opted_out} and the provider is never called.
 */
@ApplicationScoped
public class ConsentGate {
  private static final Logger LOG = Logger.getLogger(ConsentGate.class.getName());

  @Inject ConsentRegistry consent;
  @Inject LeadMessages messages;
  @Inject Clock clock;

  /** @return true when the message was stopped (and marked {@code opted_out}) */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean stopsOptedOut(LeadMessage claimed) {
    if (!consent.isOptedOut(claimed.tenant(), claimed.phone())) {
      return false;
    }
    messages.advance(claimed.id(), MessageStatus.OPTED_OUT, OffsetDateTime.now(clock), null, null);
    LOG.info(() -> "Message " + claimed.id() + " not sent: " + claimed.phone().masked() + " opted out");
    return true;
  }
}
