package dev.crm.whatsapp.webhooks;

import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.history.LeadMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Applies one status update to its message. The message is found by the provider's id, or, when that id
 * was never recorded (the send's outcome was uncertain), by the callback data we sent, which is our own
 * message id. Applying the same update twice, or updates out of order, gives the same result.
 */
@ApplicationScoped
public class StatusApplier {

  @Inject LeadMessages messages;

  /** @return false when no message matches the update (yet) */
  public boolean apply(StatusUpdate update) {
    Optional<String> byProviderId = messages.idOfProviderMessage(update.providerMessageId());
    Optional<String> messageId = byProviderId.or(() -> update.callbackData().flatMap(messages::find)
        .filter(m -> m.providerMessageId().map(update.providerMessageId()::equals).orElse(true))
        .map(LeadMessage::id));
    if (messageId.isEmpty()) {
      return false;
    }
    if (byProviderId.isEmpty()) {
      messages.recordProviderId(messageId.get(), update.providerMessageId());
    }
    messages.advance(messageId.get(), update.status(), update.at(), update.errorCode(), update.errorTitle());
    return true;
  }
}
