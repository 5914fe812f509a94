package dev.crm.whatsapp.webhooks;

import dev.crm.whatsapp.accounts.AccountService;
import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.consent.ConsentRegistry;
import dev.crm.whatsapp.consent.ConsentSource;
import dev.crm.whatsapp.consent.ConsentState;
import dev.crm.whatsapp.consent.ErasedMessages;
import dev.crm.whatsapp.dispatch.CampaignCannotSend;
import dev.crm.whatsapp.dispatch.DispatchSettings;
import dev.crm.whatsapp.dispatch.ErrorAction;
import dev.crm.whatsapp.dispatch.FailedDelivery;
import dev.crm.whatsapp.dispatch.RetrySchedule;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.history.LeadMessages;
import dev.crm.whatsapp.platform.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Applies one status update to its message. The message is found by the provider's id, or, when that id
 * was never recorded (the send's outcome was uncertain), by the callback data we sent, which is our own
 * message id. Applying the same update twice, or updates out of order, gives the same result. A failure
 * with {@code 131050} (the user stopped marketing messages) records an opt-out; an update for an erased
 * message is done with at once.
 */
@ApplicationScoped
public class StatusApplier {
  static final int USER_STOPPED_MARKETING = 131050;

  @Inject LeadMessages messages;
  @Inject ConsentRegistry consent;
  @Inject ErasedMessages erased;
  @Inject DispatchSettings settings;
  @Inject Clock clock;

  @Inject AccountService accounts;
  @Inject Event<CampaignCannotSend> cannotSend;

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  private static final Logger LOG = Logger.getLogger(StatusApplier.class.getName());
  /** Without dispatch settings (hand-wired tests), a failed status ends the message. */
  private static final RetrySchedule NO_RESEND = new RetrySchedule(List.of(Duration.ZERO), 1);

  /** @return false when no message matches the update (yet) */
  public boolean apply(StatusUpdate update) {
    Optional<String> byProviderId = messages.idOfProviderMessage(update.providerMessageId());
    Optional<String> messageId = byProviderId.or(() -> update.callbackData().flatMap(messages::find)
        .filter(m -> m.providerMessageId().map(update.providerMessageId()::equals).orElse(true))
        .map(LeadMessage::id));
    if (messageId.isEmpty()) {
      return erased != null && erased.isErased(update.providerMessageId());
    }
    if (byProviderId.isEmpty()) {
      messages.recordProviderId(messageId.get(), update.providerMessageId());
    }
    if (update.status() == MessageStatus.FAILED && update.errorCode() != null) {
      applyFailure(messageId.get(), update);
    } else {
      messages.advance(messageId.get(), update.status(), update.at(), update.errorCode(), update.errorTitle());
    }
    if (update.pricingCategory() != null) {
      messages.recordPricingCategory(messageId.get(), update.pricingCategory());
    }
    if (consent != null && update.errorCode() != null && update.errorCode() == USER_STOPPED_MARKETING) {
      messages.find(messageId.get()).ifPresent(m -> consent.record(m.tenant(), m.phone(), ConsentState.OPTED_OUT,
          ConsentSource.PROVIDER_ERROR, "131050 " + (update.errorTitle() == null ? "" : update.errorTitle()),
          update.at()));
    }
    return true;
  }

  /** A failed status with a code: the error policy decides between sending again and ending it ({@link FailedDelivery}). */
  private void applyFailure(String id, StatusUpdate update) {
    Optional<LeadMessage> message = messages.find(id);
    int attempts = message.map(LeadMessage::attempts).orElse(1);
    RetrySchedule schedule = settings == null ? NO_RESEND : settings.retriesOfMessage(Sql.over(em), id);
    FailedDelivery.Decision decision = FailedDelivery.after(update.errorCode(), update.errorTitle(), attempts, schedule);
    if (decision.resendAfter().isPresent()) {
      OffsetDateTime now = clock == null ? update.at() : OffsetDateTime.now(clock);
      OffsetDateTime from = now.isAfter(update.at()) ? now : update.at();
      if (messages.requeueAfterFailedDelivery(id, update.providerMessageId(), update.at(),
          from.plus(decision.resendAfter().get()), update.errorCode(), decision.reason())) {
        LOG.info(() -> "Message " + id + " failed at the provider (" + decision.reason() + "); sent again in "
            + decision.resendAfter().get());
        return;
      }
    }
    messages.advance(id, MessageStatus.FAILED, update.at(), update.errorCode(), decision.reason());
    message.ifPresent(m -> stopWhatCannotSend(m, decision));
  }

  /**
   * A failure that says the number cannot send pauses the number; one that says the template cannot be
   * sent pauses the message's campaign, as when the send itself is refused so.
   */
  private void stopWhatCannotSend(LeadMessage message, FailedDelivery.Decision decision) {
    ErrorAction action = decision.rule().action();
    if (action == ErrorAction.PAUSE_SENDER && accounts != null && message.provider().isPresent()
        && message.senderId().isPresent()) {
      accounts.pause(message.provider().get(), message.senderId().get(), decision.reason());
    } else if (action == ErrorAction.PAUSE_TEMPLATE && cannotSend != null && message.campaignId().isPresent()) {
      cannotSend.fire(new CampaignCannotSend(message.tenant().value(), message.campaignId().get(), decision.reason()));
    }
  }
}
