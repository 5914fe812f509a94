package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.history.LeadMessages;
import dev.crm.whatsapp.history.ServiceWindow;
import dev.crm.whatsapp.platform.PhoneNormaliser;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.logging.Logger;

/**
 * A rep's message to one lead. The message row and its dispatch request commit in one transaction, so a
 * message is never recorded without being queued, nor queued without being recorded.
 */
@ApplicationScoped
public class SingleSend {
  private static final Logger LOG = Logger.getLogger(SingleSend.class.getName());

  @Inject LeadMessages messages;
  @Inject DispatchQueue queue;
  @Inject PhoneNormaliser phones;
  @Inject Clock clock;
  @Inject ServiceWindow window;

  @Transactional
  public LeadMessage sendText(Caller caller, Lead lead, String text) {
    window.requireOpenForText(caller.tenant(), lead.id());
    PhoneNumber to = phones.normalise(lead.phone()).orElseThrow(() -> ApiException.unprocessable("phone",
        "the lead's phone is not a valid phone number; correct it in the CRM first"));
    OffsetDateTime now = OffsetDateTime.now(clock);
    LeadMessage message = LeadMessage.outboundText(caller.tenant(), lead.id(), to, text, caller.user(), now);
    message.markQueued(now);
    messages.add(message);
    queue.publish(new DispatchRequest(message.id(), caller.tenant().value()));
    LOG.fine(() -> "Queued message " + message.id() + " to " + to.masked());
    return message;
  }
}
