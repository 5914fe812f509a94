package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.history.CampaignRecipientMirror;
import dev.crm.whatsapp.history.LeadMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The dispatch-only status changes of a message, each one guarded UPDATE from {@code sending} (the claim
 * this consumer holds), so that a webhook that already moved the message on always wins.
 */
@ApplicationScoped
public class SendAttempts {

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  /** For tests outside the container. */
  public static SendAttempts over(EntityManager em) {
    SendAttempts attempts = new SendAttempts();
    attempts.em = em;
    return attempts;
  }

  /**
   * Gives the claim back for another attempt at {@code nextAttemptAt}, remembering the last error.
   *
   * @return false when the message is no longer this consumer's to requeue
   */
  public boolean requeue(String id, int attempts, OffsetDateTime now, OffsetDateTime nextAttemptAt, Integer code,
      String reason) {
    return followed(id, MessageStatus.QUEUED, now, code, reason, em.createQuery("UPDATE LeadMessage m SET m.status = :queued, m.attempts = :attempts,"
            + " m.nextAttemptAt = :next, m.errorCode = :code, m.errorMessage = :reason, m.version = m.version + 1"
            + " WHERE m.id = :id AND m.status = :sending")
        .setParameter("queued", MessageStatus.QUEUED)
        .setParameter("attempts", attempts)
        .setParameter("next", nextAttemptAt)
        .setParameter("code", code)
        .setParameter("reason", truncate(reason))
        .setParameter("id", id)
        .setParameter("sending", MessageStatus.SENDING)
        .executeUpdate());
  }

  /** Ends the message in {@code status} ({@code failed} or {@code opted_out}) with the error that ended it. */
  public boolean end(String id, MessageStatus status, int attempts, OffsetDateTime now, Integer code,
      String reason) {
    return end(id, status, attempts, now, code, reason, null, null);
  }

  /** Like {@link #end(String, MessageStatus, int, OffsetDateTime, Integer, String)}, naming the sender that was refused. */
  public boolean end(String id, MessageStatus status, int attempts, OffsetDateTime now, Integer code,
      String reason, String provider, String senderId) {
    return followed(id, status, now, code, reason, em.createQuery("UPDATE LeadMessage m SET m.status = :status, m.attempts = :attempts,"
            + " m.failedAt = :now, m.nextAttemptAt = NULL, m.errorCode = :code, m.errorMessage = :reason,"
            + " m.provider = COALESCE(:provider, m.provider), m.senderId = COALESCE(:sender, m.senderId),"
            + " m.version = m.version + 1 WHERE m.id = :id AND m.status IN :from")
        .setParameter("provider", provider)
        .setParameter("sender", senderId)
        .setParameter("status", status)
        .setParameter("attempts", attempts)
        .setParameter("now", now)
        .setParameter("code", code)
        .setParameter("reason", truncate(reason))
        .setParameter("id", id)
        .setParameter("from", List.of(MessageStatus.QUEUED, MessageStatus.SENDING))
        .executeUpdate());
  }

  /** Queued messages whose next attempt is due at {@code now}, oldest first. */
  public List<LeadMessage> dueRetries(OffsetDateTime now, int limit) {
    return em.createQuery("SELECT m FROM LeadMessage m WHERE m.status = :queued AND m.nextAttemptAt <= :now"
            + " ORDER BY m.nextAttemptAt", LeadMessage.class)
        .setParameter("queued", MessageStatus.QUEUED)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  /** A message taken for publishing: attempt {@code attempts + 1} is due at {@code due}. */
  /** A message due for publishing; {@code preferredAccount} is its campaign's number, when it names one. */
  public record Due(String id, String tenant, int attempts, OffsetDateTime due, Optional<String> preferredAccount) {}

  /**
   * Takes up to {@code limit} due messages for publishing, oldest first, in two statements: the rows are
   * locked ({@code SELECT ... LIMIT ... FOR UPDATE}, written out because EclipseLink puts the lock before
   * the limit, which H2 refuses), then their {@code next_attempt_at} cleared together. Another instance
   * taking at the same moment waits for the lock and then no longer sees them as due, so each is taken
   * once. Reads only the columns publishing needs, no entities. Must run inside the transaction that
   * publishes them.
   */
  public List<Due> takeDue(OffsetDateTime now, int limit) {
    List<?> rows = em.createNativeQuery("SELECT id, tenant_id, attempts, next_attempt_at, preferred_account_id"
            + " FROM wa_message"
            + " WHERE status = 'QUEUED' AND next_attempt_at <= ?1 ORDER BY next_attempt_at LIMIT " + limit
            + " FOR UPDATE")
        .setParameter(1, now)
        .getResultList();
    List<Due> due = rows.stream().map(row -> (Object[]) row)
        .map(row -> new Due((String) row[0], (String) row[1], ((Number) row[2]).intValue(),
            MessagingTier.timeOf(row[3]), Optional.ofNullable((String) row[4])))
        .toList();
    if (!due.isEmpty()) {
      em.createQuery("UPDATE LeadMessage m SET m.nextAttemptAt = NULL, m.version = m.version + 1"
              + " WHERE m.id IN :ids")
          .setParameter("ids", due.stream().map(Due::id).toList())
          .executeUpdate();
    }
    return due;
  }

  /**
   * Takes a due retry for publishing: exactly one caller (of several instances) gets {@code true}.
   */
  public boolean takeDueRetry(String id, OffsetDateTime nextAttemptAt) {
    return em.createQuery("UPDATE LeadMessage m SET m.nextAttemptAt = NULL, m.version = m.version + 1"
            + " WHERE m.id = :id AND m.status = :queued AND m.nextAttemptAt = :next")
        .setParameter("id", id)
        .setParameter("queued", MessageStatus.QUEUED)
        .setParameter("next", nextAttemptAt)
        .executeUpdate() == 1;
  }

  /** Fails a message still {@code queued} (never claimed, so never sent) with {@code reason}. */
  public boolean endQueued(String id, OffsetDateTime now, String reason) {
    return followed(id, MessageStatus.FAILED, now, null, reason, em.createQuery("UPDATE LeadMessage m SET m.status = :failed, m.failedAt = :now, m.nextAttemptAt = NULL,"
            + " m.errorMessage = :reason, m.version = m.version + 1 WHERE m.id = :id AND m.status IN :from")
        .setParameter("failed", MessageStatus.FAILED)
        .setParameter("now", now)
        .setParameter("reason", truncate(reason))
        .setParameter("id", id)
        .setParameter("from", List.of(MessageStatus.PENDING, MessageStatus.QUEUED))
        .executeUpdate());
  }

  /**
   * Marks {@code unknown} the messages left in {@code sending} since before {@code claimedBefore}: their
   * outcome was never learnt, and they are never sent again.
   *
   * @return how many were marked
   */
  public int markUnresolvedUnknown(OffsetDateTime claimedBefore, OffsetDateTime now) {
    int marked = em.createQuery("UPDATE LeadMessage m SET m.status = :unknown, m.errorMessage = :reason,"
            + " m.version = m.version + 1 WHERE m.status = :sending AND m.sendingAt < :before")
        .setParameter("unknown", MessageStatus.UNKNOWN)
        .setParameter("reason", "no outcome learnt from the provider; not resent to avoid a duplicate")
        .setParameter("sending", MessageStatus.SENDING)
        .setParameter("before", claimedBefore)
        .executeUpdate();
    if (marked > 0) {
      CampaignRecipientMirror.followUnknown(em, now);
    }
    return marked;
  }

  /** Campaign recipients left behind their ended messages (a crash parted them) follow them; how many did. */
  public int catchUpRecipients(OffsetDateTime now, int limit) {
    return CampaignRecipientMirror.followStragglers(em, now, limit);
  }

  /** After a guarded update: when it moved the message, its campaign recipient follows. */
  private boolean followed(String id, MessageStatus status, OffsetDateTime at, Integer code, String reason,
      int updated) {
    if (updated != 1) {
      return false;
    }
    CampaignRecipientMirror.follow(em, id, status, at, code, reason);
    return true;
  }

  static String truncate(String text) {
    return text == null || text.length() <= 500 ? text : text.substring(0, 500);
  }
}
