package dev.crm.whatsapp.history;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.api.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The repository of {@link LeadMessage}s. Every status change is one guarded UPDATE whose WHERE clause
 * admits only the statuses that may move to the new one, so two writers racing (a consumer and a
 * webhook, or two redeliveries) can never move a message backwards or claim it twice.
 */
@ApplicationScoped
public class LeadMessages {

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  /** For tests outside the container. */
  public static LeadMessages over(EntityManager em) {
    LeadMessages messages = new LeadMessages();
    messages.em = em;
    return messages;
  }

  public void add(LeadMessage message) {
    em.persist(message);
  }

  public Optional<LeadMessage> find(String id) {
    return Optional.ofNullable(em.find(LeadMessage.class, id));
  }

  /** One page of a lead's history, newest first, after {@code cursor} when given. */
  public List<LeadMessage> history(TenantId tenant, LeadId lead, Optional<HistoryCursor> cursor, int limit) {
    TypedQuery<LeadMessage> query = cursor
        .map(after -> em.createNamedQuery("LeadMessage.historyAfter", LeadMessage.class)
            .setParameter("createdAt", after.createdAt())
            .setParameter("id", after.id()))
        .orElseGet(() -> em.createNamedQuery("LeadMessage.history", LeadMessage.class));
    return query.setParameter("tenant", tenant.value())
        .setParameter("lead", lead.value())
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Claims a queued message for sending. Exactly one caller ever gets {@code true} for a message: the
   * claim is what keeps a redelivered JMS message from sending twice.
   */
  public boolean claim(String id, OffsetDateTime now) {
    return claim(id, null, null, now);
  }

  /**
   * Like {@link #claim(String, OffsetDateTime)}, naming the number it is claimed for (when not null), so
   * that the number's messaging tier counts it from the claim on.
   */
  public boolean claim(String id, String provider, String senderId, OffsetDateTime now) {
    return em.createQuery("UPDATE LeadMessage m SET m.status = :sending, m.sendingAt = :now, m.attempts = m.attempts + 1,"
            + " m.provider = COALESCE(:provider, m.provider), m.senderId = COALESCE(:sender, m.senderId),"
            + " m.version = m.version + 1"
            + " WHERE m.id = :id AND m.status IN :claimable")
        .setParameter("provider", provider)
        .setParameter("sender", senderId)
        .setParameter("sending", MessageStatus.SENDING)
        .setParameter("now", now)
        .setParameter("id", id)
        .setParameter("claimable", List.of(MessageStatus.PENDING, MessageStatus.QUEUED))
        .executeUpdate() == 1 && followedByCampaignRecipient(id, MessageStatus.SENDING, now, null, null);
  }

  /** Gives a claim back, its attempt not counted, for a send that provably never reached the provider. */
  public void release(String id, OffsetDateTime now) {
    int released = em.createQuery("UPDATE LeadMessage m SET m.status = :queued, m.attempts = m.attempts - 1,"
            + " m.version = m.version + 1"
            + " WHERE m.id = :id AND m.status = :sending")
        .setParameter("queued", MessageStatus.QUEUED)
        .setParameter("sending", MessageStatus.SENDING)
        .setParameter("id", id)
        .executeUpdate();
    if (released == 1) {
      CampaignRecipientMirror.follow(em, id, MessageStatus.QUEUED, now, null, null);
    }
  }

  /** Records the provider's acceptance: its id, and {@code sent} unless a webhook already moved further. */
  public void recordAccepted(String id, String provider, String senderId, String providerMessageId,
      OffsetDateTime now) {
    em.createQuery("UPDATE LeadMessage m SET m.providerMessageId = :pid, m.provider = :provider,"
            + " m.senderId = :sender, m.version = m.version + 1 WHERE m.id = :id AND m.providerMessageId IS NULL")
        .setParameter("pid", providerMessageId)
        .setParameter("provider", provider)
        .setParameter("sender", senderId)
        .setParameter("id", id)
        .executeUpdate();
    advance(id, MessageStatus.SENT, now, null, null);
  }

  /**
   * Moves a message to {@code status} if that is forward, and records the status's time if it was not
   * known yet (a {@code delivered} arriving after {@code read} still tells when it was delivered).
   *
   * @return true when the status changed
   */
  public boolean advance(String id, MessageStatus status, OffsetDateTime at, Integer errorCode, String errorMessage) {
    List<MessageStatus> from = Arrays.stream(MessageStatus.values()).filter(s -> s.canMoveTo(status)).toList();
    String timeField = timeField(status);
    String errorSet = status == MessageStatus.FAILED ? ", m.errorCode = :code, m.errorMessage = :error" : "";
    var moved = em.createQuery("UPDATE LeadMessage m SET m.status = :status, m.version = m.version + 1"
            + (timeField == null ? "" : ", m." + timeField + " = COALESCE(m." + timeField + ", :at)")
            + errorSet + " WHERE m.id = :id AND m.status IN :from")
        .setParameter("status", status)
        .setParameter("id", id)
        .setParameter("from", from);
    if (timeField != null) {
      moved.setParameter("at", at);
    }
    if (!errorSet.isEmpty()) {
      moved.setParameter("code", errorCode).setParameter("error", truncate(errorMessage));
    }
    if (moved.executeUpdate() == 1) {
      return followedByCampaignRecipient(id, status, at, errorCode, errorMessage);
    }
    if (timeField != null && status != MessageStatus.FAILED) {
      em.createQuery("UPDATE LeadMessage m SET m." + timeField + " = :at WHERE m.id = :id AND m." + timeField
              + " IS NULL AND m.status IN :progressed")
          .setParameter("at", at)
          .setParameter("id", id)
          .setParameter("progressed", timeStillWorthRecording(status))
          .executeUpdate();
    }
    return false;
  }

  private boolean followedByCampaignRecipient(String id, MessageStatus status, OffsetDateTime at,
      Integer errorCode, String errorMessage) {
    CampaignRecipientMirror.follow(em, id, status, at, errorCode, errorMessage);
    return true;
  }

  /**
   * Queues again, for {@code nextAttemptAt}, a message the provider accepted as {@code providerMessageId} and
   * then reported failed, forgetting that id so the next acceptance records its own.
   *
   * @return true when requeued; false when the message is no longer sending or sent under that id
   */
  public boolean requeueAfterFailedDelivery(String id, String providerMessageId, OffsetDateTime at,
      OffsetDateTime nextAttemptAt, Integer errorCode, String reason) {
    int updated = em.createQuery("UPDATE LeadMessage m SET m.status = :queued, m.nextAttemptAt = :next,"
            + " m.providerMessageId = NULL, m.sentAt = NULL, m.errorCode = :code, m.errorMessage = :reason,"
            + " m.version = m.version + 1 WHERE m.id = :id AND m.providerMessageId = :pid AND m.status IN :from")
        .setParameter("queued", MessageStatus.QUEUED)
        .setParameter("next", nextAttemptAt)
        .setParameter("code", errorCode)
        .setParameter("reason", truncate(reason))
        .setParameter("id", id)
        .setParameter("pid", providerMessageId)
        .setParameter("from", List.of(MessageStatus.SENDING, MessageStatus.SENT))
        .executeUpdate();
    return updated == 1 && followedByCampaignRecipient(id, MessageStatus.QUEUED, at, errorCode, reason);
  }

  /** The id of the message a provider id belongs to. */
  public Optional<String> idOfProviderMessage(String providerMessageId) {
    return em.createQuery("SELECT m.id FROM LeadMessage m WHERE m.providerMessageId = :pid", String.class)
        .setParameter("pid", providerMessageId)
        .getResultStream()
        .findFirst();
  }

  /**
   * The statuses in which a late status's time is still recorded: a {@code sent} arriving after
   * {@code failed} still tells when the message left, so arrival order never changes the result.
   */
  private static List<MessageStatus> timeStillWorthRecording(MessageStatus late) {
    return late == MessageStatus.SENT
        ? List.of(MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.READ, MessageStatus.FAILED)
        : List.of(MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.READ);
  }

  /** Provider texts can be long; the column holds 512 characters. */
  static String truncate(String text) {
    return text == null || text.length() <= 500 ? text : text.substring(0, 500);
  }

  /** Records the pricing category a status webhook reported (the first one reported stays). */
  public void recordPricingCategory(String id, String category) {
    em.createQuery("UPDATE LeadMessage m SET m.pricingCategory = :category, m.version = m.version + 1"
            + " WHERE m.id = :id AND m.pricingCategory IS NULL")
        .setParameter("category", category.length() > 32 ? category.substring(0, 32) : category)
        .setParameter("id", id)
        .executeUpdate();
  }

  /** Records the provider's id learnt from a webhook, for a message whose send outcome was not known. */
  public void recordProviderId(String id, String providerMessageId) {
    em.createQuery("UPDATE LeadMessage m SET m.providerMessageId = :pid, m.version = m.version + 1"
            + " WHERE m.id = :id AND m.providerMessageId IS NULL")
        .setParameter("pid", providerMessageId)
        .setParameter("id", id)
        .executeUpdate();
  }

  private static String timeField(MessageStatus status) {
    return switch (status) {
      case QUEUED -> "queuedAt";
      case SENDING -> "sendingAt";
      case SENT -> "sentAt";
      case DELIVERED -> "deliveredAt";
      case READ -> "readAt";
      case FAILED -> "failedAt";
      default -> null;
    };
  }
}
