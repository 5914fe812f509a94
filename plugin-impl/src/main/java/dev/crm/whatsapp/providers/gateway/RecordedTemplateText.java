package dev.crm.whatsapp.providers.gateway;

import dev.crm.whatsapp.api.provider.OutboundMessage;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.history.LeadMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Reads the rendered text from the message's history row, where the send recorded it. */
@ApplicationScoped
public class RecordedTemplateText implements TemplateText {

  @Inject LeadMessages messages;

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> of(OutboundMessage message) {
    return messages.find(message.callbackData()).map(LeadMessage::body).filter(body -> !body.isBlank());
  }
}
