package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.history.LeadMessages;
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
    if (!messages.claim(messageId, OffsetDateTime.now(clock))) {
      return Optional.empty();
    }
    return messages.find(messageId);
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
