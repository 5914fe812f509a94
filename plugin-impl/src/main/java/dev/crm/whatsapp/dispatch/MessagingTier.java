package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.history.CampaignRecipientMirror;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * A sender number's 24-hour messaging tier: the unique recipients of its business-initiated
 * conversations in any rolling 24 hours may not exceed its {@code dailyLimit} (250, 1,000, 10,000,
 * 100,000; none for unlimited). Counted from {@code wa_message}: every recipient of a template the
 * number claimed in the last 24 hours, whatever became of it except a refusal. Every template counts,
 * even one sent inside a service window Meta would not count, so the tier may hold back a little
 * early, never late. Free text never opens a business-initiated conversation (it can only be sent
 * inside the window) and is never held.
 *
 * <p>Used by {@link SendClaims#claimWithinTier} under a per-number lock, so that the count and the claim
 * it allows commit together.
 */
public final class MessagingTier {
  static final Duration ROLLING = Duration.ofHours(24);
  private static final String COUNTED = "provider = ?1 AND sender_id = ?2 AND direction = 'OUTBOUND'"
      + " AND template_id IS NOT NULL AND sending_at > ?3"
      + " AND status IN ('SENDING', 'SENT', 'DELIVERED', 'READ', 'UNKNOWN')";

  private final EntityManager em;

  private MessagingTier(EntityManager em) {
    this.em = em;
  }

  public static MessagingTier over(EntityManager em) {
    return new MessagingTier(em);
  }

  /** The number's unique template recipients in the 24 hours before {@code now}. */
  public long uniqueRecipients(String provider, String senderId, OffsetDateTime now) {
    return ((Number) em.createNativeQuery("SELECT count(DISTINCT phone) FROM wa_message WHERE " + COUNTED)
        .setParameter(1, provider).setParameter(2, senderId).setParameter(3, now.minus(ROLLING))
        .getSingleResult()).longValue();
  }

  /**
   * Empty when the number may send a template to {@code phone} now (the phone is already one of its
   * recipients of the last 24 hours, or there is room for one more); otherwise when there will be room:
   * when the earliest counted recipient's last send leaves the rolling window.
   */
  public Optional<OffsetDateTime> roomAt(String provider, String senderId, String phone, int limit,
      OffsetDateTime now) {
    OffsetDateTime since = now.minus(ROLLING);
    long already = ((Number) em.createNativeQuery("SELECT count(*) FROM wa_message WHERE " + COUNTED
            + " AND phone = ?4")
        .setParameter(1, provider).setParameter(2, senderId).setParameter(3, since).setParameter(4, phone)
        .getSingleResult()).longValue();
    if (already > 0 || uniqueRecipients(provider, senderId, now) < limit) {
      return Optional.empty();
    }
    Object earliest = em.createNativeQuery("SELECT min(latest) FROM (SELECT max(sending_at) AS latest"
            + " FROM wa_message WHERE " + COUNTED + " GROUP BY phone) recipients")
        .setParameter(1, provider).setParameter(2, senderId).setParameter(3, since)
        .getSingleResult();
    return Optional.of(timeOf(earliest).plus(ROLLING));
  }

  /**
   * Puts a queued message back to wait until {@code until} without counting an attempt, saying why on
   * the message, its campaign recipient and its running campaign.
   *
   * @return false when the message is no longer queued
   */
  public boolean defer(String messageId, OffsetDateTime until, String why, OffsetDateTime now) {
    int moved = em.createNativeQuery("UPDATE wa_message SET next_attempt_at = ?1, error_message = ?2,"
            + " version = version + 1 WHERE id = ?3 AND status = 'QUEUED'")
        .setParameter(1, until).setParameter(2, SendAttempts.truncate(why)).setParameter(3, messageId)
        .executeUpdate();
    if (moved != 1) {
      return false;
    }
    CampaignRecipientMirror.follow(em, messageId, dev.crm.whatsapp.api.MessageStatus.QUEUED, now, null, why);
    em.createNativeQuery("UPDATE wa_campaign SET status_reason = ?1, updated_at = ?2 WHERE status = 'RUNNING'"
            + " AND id = (SELECT campaign_id FROM wa_message WHERE id = ?3)")
        .setParameter(1, SendAttempts.truncate(why)).setParameter(2, now).setParameter(3, messageId)
        .executeUpdate();
    return true;
  }

  /** What a deferred send says: the number, its tier and when there is room. */
  static String waitingReason(String numberName, int limit, OffsetDateTime until) {
    return "waiting for " + numberName + "'s 24-hour messaging limit (" + limit
        + " unique recipients); room again at " + until.withOffsetSameInstant(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
  }

  /** The phone and template of a message still {@code queued}; empty otherwise. */
  Optional<Queued> queued(String messageId) {
    List<?> rows = em.createNativeQuery("SELECT phone, template_id FROM wa_message WHERE id = ?1"
            + " AND status IN ('PENDING', 'QUEUED')")
        .setParameter(1, messageId).getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    return Optional.of(new Queued((String) row[0], row[1] != null));
  }

  record Queued(String phone, boolean template) {}

  static OffsetDateTime timeOf(Object value) {
    if (value instanceof OffsetDateTime time) {
      return time;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant().atOffset(ZoneOffset.UTC);
    }
    if (value instanceof java.time.Instant instant) {
      return instant.atOffset(ZoneOffset.UTC);
    }
    throw new IllegalStateException("unexpected time " + value);
  }
}
