package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.api.provider.MessageContent;
import dev.crm.whatsapp.api.provider.OutboundMessage;
import dev.crm.whatsapp.api.provider.SendOutcome;
import dev.crm.whatsapp.consent.ConsentGate;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.providers.Providers;
import dev.crm.whatsapp.providers.Providers.Route;
import dev.crm.whatsapp.templates.StoredContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Sends one queued message: claim, call the provider outside any transaction, record what is known.
 * A redelivered request finds the message claimed and does nothing; an outcome nobody knows leaves the
 * message in {@code sending} until a status webhook carrying its id resolves it.
 */
@ApplicationScoped
public class MessageDispatcher {
  private static final Logger LOG = Logger.getLogger(MessageDispatcher.class.getName());

  @Inject SendClaims claims;
  @Inject Providers providers;
  @Inject ConsentGate consent;

  /**
   * @return false when the send should be tried again later (it provably never reached the provider)
   */
  @Transactional(TxType.NOT_SUPPORTED)
  public boolean dispatch(DispatchRequest request) {
    Optional<LeadMessage> claimed = claims.claim(request.messageId());
    if (claimed.isEmpty()) {
      LOG.fine(() -> "Message " + request.messageId() + " already claimed or final; nothing sent");
      return true;
    }
    LeadMessage message = claimed.get();
    if (consent.stopsOptedOut(message)) {
      return true;
    }
    Route route = providers.routeFor(message.tenant());
    MessageContent content = message.contentJson().map(StoredContent::read)
        .orElseGet(() -> new MessageContent.Text(message.body()));
    OutboundMessage outbound = new OutboundMessage(route.senderId(), message.phone(), content, message.id());
    SendOutcome outcome = route.provider().send(outbound);
    if (outcome instanceof SendOutcome.Accepted accepted) {
      claims.accepted(message.id(), route.provider().type(), route.senderId(), accepted.providerMessageId());
    } else if (outcome instanceof SendOutcome.Rejected rejected) {
      claims.failed(message.id(), rejected.code(), rejected.title());
    } else if (outcome instanceof SendOutcome.Uncertain uncertain) {
      LOG.warning(() -> "Outcome of message " + message.id() + " unknown (" + uncertain.reason()
          + "); waiting for its status webhook");
    } else if (outcome instanceof SendOutcome.NotSent notSent) {
      LOG.info(() -> "Message " + message.id() + " not sent (" + notSent.reason() + "); will retry");
      claims.release(message.id());
      return false;
    }
    return true;
  }
}
