package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.provider.MessageContent;
import dev.crm.whatsapp.api.provider.OutboundMessage;
import dev.crm.whatsapp.api.provider.SendOutcome;
import dev.crm.whatsapp.providers.Providers;
import dev.crm.whatsapp.providers.Providers.Route;
import dev.crm.whatsapp.templates.StoredContent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

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

  /** Most claims or acceptances one transaction takes: the dispatch sessions' count, so all fit at once. */
  static final int BATCH = 32;
  /** How many sends one claim or acceptance transaction served: {@code wa_dispatch_batch_size{of=...}}. */
  static final String BATCH_METRIC = "wa.dispatch.batch.size";
  static final String NO_SENDER = "no usable sender number: all are paused, disabled or critical";

  @Inject SendClaims claims;
  @Inject Providers providers;
  @Inject DispatchSettings settings;
  @Inject SenderEffects senders;
  @Inject Pacing pacing;
  @Inject FirstSends firstSends;
  @Inject TierGate tiers;
  @Inject MetricRegistry metrics;
  @Inject SenderOutcomes outcomes;
  @Inject Event<CampaignCannotSend> cannotSend;
  @Inject CampaignSenderNotes senderNotes;

  /** Claims of concurrent sends share one transaction; so do their recorded acceptances. */
  private GroupCommit<Claim.Request, Claim> claimBatches;
  private GroupCommit<SendClaims.Acceptance, Boolean> acceptanceBatches;

  @PostConstruct
  void batch() {
    Histogram claimSizes = metrics.histogram(BATCH_METRIC, new Tag("of", "claims"));
    Histogram acceptanceSizes = metrics.histogram(BATCH_METRIC, new Tag("of", "acceptances"));
    claimBatches = new GroupCommit<>(BATCH, requests -> {
      claimSizes.update(requests.size());
      return claims.claimAll(requests);
    });
    acceptanceBatches = new GroupCommit<>(BATCH, acceptances -> {
      acceptanceSizes.update(acceptances.size());
      return claims.acceptedAll(acceptances);
    });
  }

  /**
   * Called outside any transaction (the dispatch consumer's delivery is not transactional): the claim and
   * each record commit in their own, and the provider call holds none. No {@code @Transactional} says so
   * here: it would only add an interceptor to every send.
   *
   * @return false when the request should be delivered again by the broker (interrupted while pacing,
   *     before anything was claimed)
   */
  public boolean dispatch(DispatchRequest request) {
    Optional<Route> route = providers.route(TenantId.of(request.tenant()), request.preferredAccount(),
        pacing::freeShare);
    Optional<FirstSends.Turn> first;
    try {
      first = route.isPresent() ? firstSends.await(route.get().senderKey()) : Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false; // shutting down: nothing claimed, the broker redelivers
    }
    try {
      return dispatch(request, route, first);
    } finally {
      first.ifPresent(FirstSends.Turn::end);
    }
  }

  private boolean dispatch(DispatchRequest request, Optional<Route> route, Optional<FirstSends.Turn> first) {
    OptionalLong slot = OptionalLong.empty();
    if (route.isPresent() && (slot = pacing.acquire(route.get())).isEmpty()) {
      return false; // interrupted while pacing (shutting down): nothing claimed, the broker redelivers
    }
    Claim claim = claim(request.messageId(), route);
    if (!(claim instanceof Claim.Won won)) {
      LOG.fine(() -> "Message " + request.messageId() + " not sent: " + claim);
      return true;
    }
    int attempt = won.attempts(); // the claim counted this attempt
    if (route.isEmpty()) {
      noSender(won);
      return true;
    }
    if (!pacing.startsInTime(route.get(), slot.getAsLong())) {
      giveBack(won); // interrupted before anything left: the broker redelivers
      return false;
    }
    won.campaignId().ifPresent(campaign -> senderNotes.leftBy(campaign, route.get()));
    MessageContent content;
    try {
      content = won.contentJson().map(StoredContent::read).orElseGet(() -> new MessageContent.Text(won.body()));
    } catch (RuntimeException unreadable) {
      // a poison message: nothing left, and nothing ever will; failed with the reason, not left claimed
      claims.end(won.messageId(), MessageStatus.FAILED, attempt, null,
          "the stored message could not be read, so it was not sent: " + unreadable.getMessage(), null, null);
      LOG.warning(() -> "Message " + won.messageId() + " could not be read and failed: " + unreadable);
      return true;
    }
    OutboundMessage outbound = new OutboundMessage(route.get().senderId(), won.phone(), content, won.messageId());
    long started = System.nanoTime();
    SendOutcome outcome;
    try {
      outcome = route.get().provider().send(outbound);
    } catch (RuntimeException unexpected) {
      // the provider failed in a way it does not describe: the request may have left
      outcome = new SendOutcome.Uncertain("the provider failed unexpectedly: " + unexpected);
      LOG.log(Level.SEVERE, "Provider " + route.get().provider().type() + " failed sending message " + won.messageId(),
          unexpected);
    }
    first.ifPresent(FirstSends.Turn::sent);
    outcomes.record(route.get().senderKey(), outcome, (System.nanoTime() - started) / 1_000_000);
    apply(won, attempt, route.get(), NextStep.after(outcome, attempt, won.retries()));
    return true;
  }

  /**
   * No number of the tenant can send. A campaign's message is given back and held, its attempt not
   * counted, and its campaign told to pause: retrying it would only use its attempts up while an admin
   * fixes the numbers. Any other message is retried with backoff, like any send that never left.
   */
  private void noSender(Claim.Won won) {
    if (won.campaignId().isPresent()) {
      claims.holdUnsent(won.messageId(), won.tenant().value(), NO_SENDER);
      cannotSend.fire(new CampaignCannotSend(won.tenant().value(), won.campaignId().get(), NO_SENDER));
      return;
    }
    SendOutcome none = new SendOutcome.NotSent(NO_SENDER);
    apply(won, won.attempts(), null, NextStep.after(none, won.attempts(), won.retries()));
  }

  /** A claim whose send never started, given back uncounted; on an interrupted thread (shutting down). */
  private void giveBack(Claim.Won won) {
    boolean interrupted = Thread.interrupted(); // so that the database call is not cut short by it
    try {
      claims.release(won.messageId());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Claim claim(String messageId, Optional<Route> route) {
    if (route.isPresent() && tiers.nearLimit(route.get())) {
      return claimWithinTier(messageId, route.get());
    }
    Claim claim = claimBatches.submit(new Claim.Request(messageId,
        route.map(r -> r.provider().type()).orElse(null), route.map(Route::senderId).orElse(null)));
    if (claim instanceof Claim.Won && route.isPresent()) {
      tiers.claimed(route.get());
    }
    return claim;
  }

  /** The claim under the number's tier, one at a time per number in this process. */
  private Claim claimWithinTier(String messageId, Route route) {
    var lock = tiers.lockOf(route);
    lock.lock();
    try {
      SendClaims.TierClaim outcome = claims.claimWithinTier(messageId, route);
      outcome.deferredUntil().ifPresent(until -> LOG.info(() -> "Message " + messageId
          + " waits for the 24-hour messaging tier of " + route.name() + " until " + until));
      return outcome.claim();
    } finally {
      lock.unlock();
    }
  }

  private void apply(Claim.Won message, int attempt, Route route, NextStep step) {
    String id = message.messageId();
    if (step instanceof NextStep.RecordAccepted accepted) {
      acceptanceBatches.submit(new SendClaims.Acceptance(id, route.provider().type(), route.senderId(),
          accepted.providerMessageId()));
    } else if (step instanceof NextStep.AwaitWebhook await) {
      LOG.warning(() -> "Outcome of message " + id + " unknown (" + await.reason()
          + "); waiting for its status webhook");
      claims.uncertain(id, await.reason());
    } else if (step instanceof NextStep.SendAgain again) {
      LOG.info(() -> "Message " + id + " attempt " + attempt + " refused (" + again.reason()
          + "); " + again.rule().action() + ", next attempt in " + again.delay());
      claims.retryLater(id, attempt, again.delay(), again.code(), again.reason());
      if (route != null && again.rule().action() == ErrorAction.PAUSE_SENDER) {
        senders.pause(message.tenant(), route, again.reason() + ": " + again.rule().meaning());
      } else if (route != null && again.rule().action() == ErrorAction.SLOW_SENDER) {
        pacing.slowDown(route);
      }
    } else if (step instanceof NextStep.End end) {
      LOG.info(() -> "Message " + id + " ends " + end.status().wireName() + ": " + end.reason());
      claims.end(id, end.status(), attempt, end.code(), end.reason(),
          route == null ? null : route.provider().type(), route == null ? null : route.senderId());
      if (end.rule().action() == ErrorAction.PAUSE_TEMPLATE && message.campaignId().isPresent()) {
        cannotSend.fire(new CampaignCannotSend(message.tenant().value(), message.campaignId().get(), end.reason()));
      }
    }
  }
}
