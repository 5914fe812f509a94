package dev.crm.whatsapp.history;

import dev.crm.whatsapp.api.MessageStatus;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;

/**
 * Campaigns: the recipient a message was made for mirrors the message's status, in the same transaction
 * as the update that moved the message, whichever path moved it (claim, webhook, retry, end, sweeper).
 * A plain UPDATE on the table rather than an event keeps history free of campaign classes and works the
 * same inside and outside the container; for messages of no campaign it matches no row.
 */
public final class CampaignRecipientMirror {
  private CampaignRecipientMirror() {}

  /** The message {@code messageId} moved to {@code status}. */
  public static void follow(EntityManager em, String messageId, MessageStatus status, OffsetDateTime at,
      Integer errorCode, String errorMessage) {
    if (status == MessageStatus.PENDING || status == MessageStatus.RECEIVED) {
      return;
    }
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
  }

  /** Sends whose outcome never became known were just marked {@code unknown}: so are their recipients. */
  public static void followUnknown(EntityManager em, OffsetDateTime at) {
    em.createNativeQuery("UPDATE wa_campaign_recipient SET status = 'UNKNOWN', updated_at = ?"
            + " WHERE status = 'SENDING' AND message_id IN (SELECT id FROM wa_message WHERE status = 'UNKNOWN')")
        .setParameter(1, at)
        .executeUpdate();
  }
}
