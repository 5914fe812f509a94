package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.api.provider.MessageContent;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.history.LeadMessages;
import dev.crm.whatsapp.history.ServiceWindow;
import dev.crm.whatsapp.platform.PhoneNormaliser;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.providers.Providers;
import dev.crm.whatsapp.security.Caller;
import dev.crm.whatsapp.templates.PreparedTemplate;
import dev.crm.whatsapp.templates.StoredContent;
import dev.crm.whatsapp.templates.TemplateSendRequest;
import dev.crm.whatsapp.templates.TemplateService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
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
  @Inject TemplateService templates;
  @Inject Providers providers;

  /**
   * Free text, only inside the lead's 24-hour window unless the tenant's numbers go through a provider that
   * has no such window (a WhatsApp Web gateway). Which number sends is chosen when the message leaves; should
   * that be a Cloud API number after all, the provider's 131047 ends the message under the error policy.
   */
  @Transactional
  public LeadMessage sendText(Caller caller, Lead lead, String text) {
    requireWindow(caller, lead, "text");
    PhoneNumber to = phoneOf(lead);
    OffsetDateTime now = OffsetDateTime.now(clock);
    return queue(LeadMessage.outboundText(caller.tenant(), lead.id(), to, text, caller.user(), now), now);
  }

  /**
   * An uploaded file as an image, video, audio or document message: like free text, a media message is
   * only allowed inside the 24-hour window (or through a provider without one).
   */
  @Transactional
  public LeadMessage sendMedia(Caller caller, Lead lead, MessageContent.Media media, String shownText) {
    requireWindow(caller, lead, "media");
    PhoneNumber to = phoneOf(lead);
    OffsetDateTime now = OffsetDateTime.now(clock);
    return queue(LeadMessage.outboundMedia(caller.tenant(), lead.id(), to, shownText,
        media.kind().name().toLowerCase(java.util.Locale.ROOT), StoredContent.write(media), caller.user(), now), now);
  }

  /** An approved template, rendered for the lead and counted as used in this same transaction. */
  @Transactional
  public LeadMessage sendTemplate(Caller caller, Lead lead, TemplateSendRequest request) {
    PhoneNumber to = phoneOf(lead);
    PreparedTemplate prepared = templates.prepareSend(caller.tenant(), request.id(), lead, request.bindings(),
        request.media("template.headerMedia"));
    OffsetDateTime now = OffsetDateTime.now(clock);
    return queue(LeadMessage.outboundTemplate(caller.tenant(), lead.id(), to, prepared.rendered().asText(),
        prepared.templateId(), prepared.templateName(), StoredContent.write(prepared.rendered().content()),
        caller.user(), now), now);
  }

  private void requireWindow(Caller caller, Lead lead, String field) {
    boolean windowFree = providers.route(caller.tenant(), Optional.empty())
        .map(route -> route.provider().sendsOutsideServiceWindow()).orElse(false);
    if (!windowFree) {
      window.requireOpen(caller.tenant(), lead.id(), field);
    }
  }

  private PhoneNumber phoneOf(Lead lead) {
    return phones.normalise(lead.phone()).orElseThrow(() -> ApiException.unprocessable("phone",
        "the lead's phone is not a valid phone number; correct it in the CRM first"));
  }

  private LeadMessage queue(LeadMessage message, OffsetDateTime now) {
    PhoneNumber to = message.phone();
    message.markQueued(now);
    messages.add(message);
    queue.publish(new DispatchRequest(message.id(), message.tenant().value()));
    LOG.fine(() -> "Queued message " + message.id() + " to " + to.masked());
    return message;
  }
}
