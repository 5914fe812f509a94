package dev.crm.whatsapp.history;

import dev.crm.whatsapp.analytics.StatDeltas;
import dev.crm.whatsapp.analytics.StatDeltas.RecipientBefore;
import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.platform.Sql;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Campaigns: the recipient a message was made for mirrors the message's status, in the same transaction
 * as the update that moved the message, whichever path moved it (claim, webhook, retry, end, sweeper).
 * A plain UPDATE on the table rather than an event keeps history free of campaign classes and works the
 * same inside and outside the container; for messages of no campaign it matches no row. The recipient's row
 * is read locked first, so that the statistics delta written with the move knows the status it left.
 */
public final class CampaignRecipientMirror {
  private CampaignRecipientMirror() {}

  /** The message {@code messageId} moved to {@code status}. */
  public static void follow(EntityManager em, String messageId, MessageStatus status, OffsetDateTime at,
      Integer errorCode, String errorMessage) {
    if (status == MessageStatus.PENDING || status == MessageStatus.RECEIVED) {
      return;
    }
    Optional<Before> before = lockRecipient(em, messageId);
    boolean failure = (status == MessageStatus.FAILED || status == MessageStatus.QUEUED)
        && (errorCode != null || errorMessage != null);
    var update = em.createNativeQuery("UPDATE wa_campaign_recipient SET status = ?, updated_at = ?"
            + (failure ? ", error_code = ?, error_message = ?" : "") + " WHERE message_id = ?")
        .setParameter(1, status.name())
        .setParameter(2, at);
    if (failure) {
      update.setParameter(3, errorCode == null ? -1 : errorCode)
          .setParameter(4, errorMessage == null ? "" : LeadMessages.truncate(errorMessage))
          .setParameter(5, messageId);
    } else {
      update.setParameter(3, messageId);
    }
    update.executeUpdate();
    Integer codeNow = failure ? Integer.valueOf(errorCode == null ? -1 : errorCode) : before.map(Before::errorCode).orElse(null);
    StatDeltas.messageMoved(em, messageId, status, at, status == MessageStatus.FAILED ? codeNow : null,
        before.map(Before::recipient));
  }

  /** A message of a batch moved together: its tenant and the number it left from (or null). */
  public record Moved(String messageId, String tenant, String senderId) {}

  /**
   * Messages moved together to {@code status} ({@code sending}, {@code sent}, {@code skipped} or
   * {@code opted_out}, never a failure with its error): their recipients follow in one statement, and the
   * statistics deltas are written grouped, one row per campaign run, variant, old status and sender. The
   * same figures as {@link #follow} once per message, at a few statements per batch.
   */
  public static void followAll(Sql sql, List<Moved> moved, MessageStatus status, OffsetDateTime at) {
    if (moved.isEmpty()) {
      return;
    }
    List<String> ids = moved.stream().map(Moved::messageId).toList();
    Map<String, RecipientBefore> recipients = new HashMap<>();
    for (Object[] r : sql.query("SELECT message_id, campaign_id, run_no, variant, status FROM wa_campaign_recipient"
        + " WHERE message_id IN (" + Sql.placeholders(ids.size()) + ") FOR UPDATE", ids)) {
      recipients.put((String) r[0], new RecipientBefore((String) r[1], ((Number) r[2]).intValue(), (String) r[3],
          (String) r[4]));
    }
    if (!recipients.isEmpty()) {
      List<Object> parameters = new ArrayList<>(List.of(status.name(), at));
      parameters.addAll(recipients.keySet());
      sql.update("UPDATE wa_campaign_recipient SET status = ?, updated_at = ? WHERE message_id IN ("
          + Sql.placeholders(recipients.size()) + ")", parameters);
    }
    boolean sent = status == MessageStatus.SENT;
    Map<StatDeltas.Grouped, Integer> groups = new LinkedHashMap<>();
    for (Moved m : moved) {
      RecipientBefore before = recipients.get(m.messageId());
      boolean recipientMoved = before != null && !status.name().equals(before.status());
      if (!recipientMoved && !sent) {
        continue;
      }
      StatDeltas.Grouped key = new StatDeltas.Grouped(m.tenant(), before == null ? "" : before.campaignId(),
          before == null ? 0 : before.runNo(), before == null ? null : before.variant(),
          recipientMoved ? before.status() : null, recipientMoved ? status.name() : null, 0,
          sent ? m.senderId() : null, sent ? at : null, 0, 0);
      groups.merge(key, 1, Integer::sum);
    }
    // rows that only count events carry n = 1, which nothing reads (n counts status moves)
    StatDeltas.insertGrouped(sql, groups.entrySet().stream()
        .map(e -> new StatDeltas.Grouped(e.getKey().tenant(), e.getKey().campaignId(), e.getKey().runNo(),
            e.getKey().variant(), e.getKey().from(), e.getKey().to(), e.getKey().to() == null ? 1 : e.getValue(),
            e.getKey().senderId(), e.getKey().hour(), sent ? e.getValue() : 0, 0))
        .toList());
  }

  private record Before(RecipientBefore recipient, Integer errorCode) {}

  private static Optional<Before> lockRecipient(EntityManager em, String messageId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("SELECT campaign_id, run_no, variant, status, error_code"
            + " FROM wa_campaign_recipient WHERE message_id = ? FOR UPDATE")
        .setParameter(1, messageId).getResultList();
    return rows.stream().findFirst().map(r -> new Before(new RecipientBefore((String) r[0],
        ((Number) r[1]).intValue(), (String) r[2], (String) r[3]),
        r[4] == null ? null : ((Number) r[4]).intValue()));
  }

  /** Sends whose outcome never became known were just marked {@code unknown}: so are their recipients. */
  public static void followUnknown(EntityManager em, OffsetDateTime at) {
    @SuppressWarnings("unchecked")
    List<String> stranded = em.createNativeQuery("SELECT r.message_id FROM wa_campaign_recipient r"
            + " WHERE r.status = 'SENDING' AND r.message_id IN (SELECT id FROM wa_message WHERE status = 'UNKNOWN')")
        .getResultList();
    stranded.forEach(messageId -> follow(em, messageId, MessageStatus.UNKNOWN, at, null, null));
  }

  /**
   * Recipients of running or paused campaigns still {@code queued} or {@code sending} whose message has
   * ended follow it (at most {@code limit} a call). A crash can part them: the kill -9 runs left
   * recipients queued whose messages had become unknown (the claim's move of the recipient lost with an
   * in-doubt transaction), and their campaigns never completed. Reads only the runs' open recipients
   * (the feed index) and their messages.
   */
  public static int followStragglers(EntityManager em, OffsetDateTime at, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> behind = em.createNativeQuery("SELECT r.message_id, m.status, m.error_code, m.error_message"
            + " FROM wa_campaign_recipient r JOIN wa_message m ON m.id = r.message_id"
            + " WHERE r.campaign_id IN (SELECT id FROM wa_campaign WHERE status IN ('RUNNING', 'PAUSED'))"
            + " AND r.status IN ('QUEUED', 'SENDING')"
            + " AND m.status IN ('SENT', 'DELIVERED', 'READ', 'FAILED', 'OPTED_OUT', 'SKIPPED', 'UNKNOWN')")
        .setMaxResults(limit).getResultList();
    for (Object[] r : behind) {
      follow(em, (String) r[0], MessageStatus.valueOf((String) r[1]), at,
          r[2] == null ? null : ((Number) r[2]).intValue(), (String) r[3]);
    }
    return behind.size();
  }
}
