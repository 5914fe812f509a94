package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.api.TenantId;
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
 * Sends one queued message: claim, call the provider outside any transaction, then apply the
 * {@link ErrorPolicy} to the answer ({@link NextStep}). A redelivered request finds the message claimed
 * and does nothing; an outcome nobody knows leaves the message in {@code sending} until a status webhook
 * carrying its id resolves it; a refused message is queued again with backoff or ended, never retried
 * inside the call.
 */
@ApplicationScoped
public class MessageDispatcher {
  private static final Logger LOG = Logger.getLogger(MessageDispatcher.class.getName());

  @Inject SendClaims claims;
  @Inject Providers providers;
  @Inject ConsentGate consent;
  @Inject DispatchSettings settings;
  @Inject SenderEffects senders;
  @Inject Pacing pacing;
  @Inject TierGate tiers;

  /**
   * @return false when the request should be delivered again by the broker (never, since refusals are
   *     requeued with their own delay; kept for the listener's contract)
   */
  @Transactional(TxType.NOT_SUPPORTED)
  public boolean dispatch(DispatchRequest request) {
    Optional<Route> route = providers.route(TenantId.of(request.tenant()), Optional.empty(),
        pacing::freeShare);
    if (route.isPresent() && !pacing.acquire(route.get())) {
      return false; // interrupted while pacing (shutting down): nothing claimed, the broker redelivers
    }
    Optional<LeadMessage> claimed;
    if (route.isPresent() && tiers.nearLimit(route.get())) {
      SendClaims.TierClaim outcome = claimWithinTier(request.messageId(), route.get());
      if (outcome.deferredUntil().isPresent()) {
        return true; // waits, not failed, until the number's tier has room; the feeder publishes it then
      }
      claimed = outcome.claimed();
    } else {
      claimed = route.isPresent()
          ? claims.claim(request.messageId(), route.get().provider().type(), route.get().senderId())
          : claims.claim(request.messageId());
      if (claimed.isPresent() && route.isPresent()) {
        tiers.claimed(route.get());
      }
    }
    if (claimed.isEmpty()) {
      LOG.fine(() -> "Message " + request.messageId() + " already claimed or final; nothing sent");
      return true;
    }
    LeadMessage message = claimed.get();
    if (consent.stopsOptedOut(message)) {
      return true;
    }
    int attempt = message.attempts(); // the claim counted this attempt
    if (route.isEmpty()) {
      SendOutcome none = new SendOutcome.NotSent("no usable sender number: all are paused, disabled or critical");
      apply(message, attempt, null, NextStep.after(none, attempt, settings.retries()));
      return true;
    }
    MessageContent content = message.contentJson().map(StoredContent::read)
        .orElseGet(() -> new MessageContent.Text(message.body()));
    OutboundMessage outbound = new OutboundMessage(route.get().senderId(), message.phone(), content, message.id());
    SendOutcome outcome = route.get().provider().send(outbound);
    apply(message, attempt, route.get(), NextStep.after(outcome, attempt, settings.retries()));
    return true;
  }

  /** The claim under the number's tier, one at a time per number in this process. */
  private SendClaims.TierClaim claimWithinTier(String messageId, Route route) {
    var lock = tiers.lockOf(route);
    lock.lock();
    try {
      SendClaims.TierClaim outcome = claims.claimWithinTier(messageId, route);
      outcome.deferredUntil().ifPresent(until -> LOG.info(() -> "Message " + messageId
          + " waits for the 24-hour messaging tier of " + route.name() + " until " + until));
      return outcome;
    } finally {
      lock.unlock();
    }
  }

  private void apply(LeadMessage message, int attempt, Route route, NextStep step) {
    if (step instanceof NextStep.RecordAccepted accepted) {
      claims.accepted(message.id(), route.provider().type(), route.senderId(), accepted.providerMessageId());
    } else if (step instanceof NextStep.AwaitWebhook await) {
      LOG.warning(() -> "Outcome of message " + message.id() + " unknown (" + await.reason()
          + "); waiting for its status webhook");
    } else if (step instanceof NextStep.SendAgain again) {
      LOG.info(() -> "Message " + message.id() + " attempt " + attempt + " refused (" + again.reason()
          + "); " + again.rule().action() + ", next attempt in " + again.delay());
      claims.retryLater(message, attempt, again.delay(), again.code(), again.reason());
      if (route != null && again.rule().action() == ErrorAction.PAUSE_SENDER) {
        senders.pause(message.tenant(), route, again.reason() + ": " + again.rule().meaning());
      } else if (route != null && again.rule().action() == ErrorAction.SLOW_SENDER) {
        pacing.slowDown(route);
      }
    } else if (step instanceof NextStep.End end) {
      LOG.info(() -> "Message " + message.id() + " ends " + end.status().wireName() + ": " + end.reason());
      claims.end(message.id(), end.status(), attempt, end.code(), end.reason(),
          route == null ? null : route.provider().type(), route == null ? null : route.senderId());
    }
  }
}
