package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.history.LeadMessages;
import dev.crm.whatsapp.providers.Providers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The steps of a send that must be durable on their own, each in its own transaction: the claim commits
 * before the provider is called, so that a crash or a redelivery after the call finds it claimed.
 */
@ApplicationScoped
public class SendClaims {

  @Inject LeadMessages messages;
  @Inject SendAttempts attempts;
  @Inject Clock clock;

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  private final boolean postgres;

  @Inject
  public SendClaims(@ConfigProperty(name = "db.url") String databaseUrl) {
    this.postgres = databaseUrl.startsWith("jdbc:postgresql:");
  }

  /** For CDI's proxy. */
  protected SendClaims() {
    this.postgres = false;
  }

  /** The message, if this caller won the claim on it. */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<LeadMessage> claim(String messageId) {
    return claim(messageId, null, null);
  }

  /** The message, if this caller won the claim on it for the number {@code senderId} of {@code provider}. */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<LeadMessage> claim(String messageId, String provider, String senderId) {
    if (!messages.claim(messageId, provider, senderId, OffsetDateTime.now(clock))) {
      return Optional.empty();
    }
    return messages.find(messageId);
  }

  /**
   * The outcome of a claim that respects the number's messaging tier: the claimed message, or nothing
   * (already claimed or final), or the time the message was deferred to.
   */
  public record TierClaim(Optional<LeadMessage> claimed, Optional<OffsetDateTime> deferredUntil) {}

  /**
   * Claims the message for the route's number if its 24-hour messaging tier has room for the recipient
   * ({@link MessagingTier}); otherwise defers it, not failed, until there is room. The count and the
   * claim commit together under a per-number lock: on PostgreSQL a transaction-scoped advisory lock, so
   * that several instances cannot each take the last place; the caller also holds an in-process lock.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public TierClaim claimWithinTier(String messageId, Providers.Route route) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (postgres) {
      em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "wa-tier:" + route.senderKey())
          .getResultList();
    }
    MessagingTier tier = MessagingTier.over(em);
    Optional<MessagingTier.Queued> queued = tier.queued(messageId);
    if (queued.isEmpty()) {
      return new TierClaim(Optional.empty(), Optional.empty());
    }
    if (queued.get().template()) {
      Optional<OffsetDateTime> room = tier.roomAt(route.provider().type(), route.senderId(), queued.get().phone(),
          route.dailyLimit(), now);
      if (room.isPresent()) {
        tier.defer(messageId, room.get(), MessagingTier.waitingReason(route.name(), route.dailyLimit(), room.get()), now);
        return new TierClaim(Optional.empty(), room);
      }
    }
    if (!messages.claim(messageId, route.provider().type(), route.senderId(), now)) {
      return new TierClaim(Optional.empty(), Optional.empty());
    }
    return new TierClaim(messages.find(messageId), Optional.empty());
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void release(String messageId) {
    messages.release(messageId, OffsetDateTime.now(clock));
  }

  /**
   * Records the provider's acceptance. On PostgreSQL this commit does not wait for its WAL flush
   * ({@code synchronous_commit = off} for this transaction only): losing it in a database crash leaves
   * the message claimed, so it becomes {@code unknown} or is resolved by its status webhook, and is never
   * sent again. The claim itself always commits synchronously.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void accepted(String messageId, String provider, String senderId, String providerMessageId) {
    if (postgres) {
      em.createNativeQuery("SET LOCAL synchronous_commit TO OFF").executeUpdate();
    }
    messages.recordAccepted(messageId, provider, senderId, providerMessageId, OffsetDateTime.now(clock));
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void failed(String messageId, Integer code, String reason) {
    messages.advance(messageId, MessageStatus.FAILED, OffsetDateTime.now(clock), code, reason);
  }

  /**
   * Gives the message back for attempt {@code attempt + 1} after {@code delay}; {@link DueRetries}
   * publishes it when it is due.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void retryLater(LeadMessage message, int attempt, Duration delay, Integer code, String reason) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    attempts.requeue(message.id(), attempt, now, now.plus(delay), code, reason);
  }

  /** Ends the message in {@code status} after {@code attempt} attempts, refused by {@code senderId}. */
  @Transactional(TxType.REQUIRES_NEW)
  public void end(String messageId, MessageStatus status, int attempt, Integer code, String reason,
      String provider, String senderId) {
    attempts.end(messageId, status, attempt, OffsetDateTime.now(clock), code, reason, provider, senderId);
  }

  /** Ends a message whose request was dead-lettered, unless it was claimed (it may have left). */
  @Transactional(TxType.REQUIRES_NEW)
  public void deadLettered(String messageId, String reason) {
    attempts.endQueued(messageId, OffsetDateTime.now(clock), reason);
  }
}
