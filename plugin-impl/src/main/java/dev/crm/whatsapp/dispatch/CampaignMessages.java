package dev.crm.whatsapp.dispatch;

import static dev.crm.whatsapp.platform.Sql.placeholders;

import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.history.CampaignRecipientMirror;
import dev.crm.whatsapp.history.CampaignRecipientMirror.Moved;
import dev.crm.whatsapp.platform.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What a campaign's resume and cancel do to its messages already made, in the caller's transaction (which
 * holds the campaign's row lock, taken before any message's, as the claim takes them). A paused
 * campaign's messages are held at their claim ({@link ClaimStatements}); resuming releases them to be
 * published again; cancelling ends every one not yet claimed as {@code skipped}, with its recipient.
 */
@ApplicationScoped
public class CampaignMessages {
  private static final int CHUNK = 500;

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  /** For tests outside the container. */
  public static CampaignMessages over(EntityManager em) {
    CampaignMessages messages = new CampaignMessages();
    messages.em = em;
    return messages;
  }

  /** The campaign's held messages are due again at {@code now}: the due-message poller publishes them. */
  public int releaseHeld(String campaignId, OffsetDateTime now) {
    return Sql.over(em).update("UPDATE wa_message SET hold_reason = NULL, next_attempt_at = ?, version = version + 1"
        + " WHERE campaign_id = ? AND status = 'QUEUED' AND hold_reason IS NOT NULL", List.of(now, campaignId));
  }

  /**
   * Ends the campaign's messages not yet claimed (queued, held or waiting for a retry) as {@code skipped},
   * with {@code reason}; a request still on the queue then finds its message final and sends nothing.
   *
   * @return how many were skipped
   */
  public int skipWaiting(String campaignId, String reason, OffsetDateTime now) {
    Sql sql = Sql.over(em);
    int skipped = 0;
    List<Object[]> waiting;
    do {
      waiting = sql.query("SELECT id, tenant_id FROM wa_message WHERE campaign_id = ? AND status IN ('PENDING', 'QUEUED')"
          + " ORDER BY id LIMIT " + CHUNK + " FOR UPDATE", List.of(campaignId));
      if (waiting.isEmpty()) {
        break;
      }
      List<Object> parameters = new ArrayList<>(List.of(reason));
      waiting.forEach(row -> parameters.add(row[0]));
      sql.update("UPDATE wa_message SET status = 'SKIPPED', error_message = ?, next_attempt_at = NULL,"
          + " hold_reason = NULL, version = version + 1 WHERE id IN (" + placeholders(waiting.size()) + ")", parameters);
      CampaignRecipientMirror.followAll(sql, waiting.stream()
          .map(row -> new Moved((String) row[0], (String) row[1], null)).toList(), MessageStatus.SKIPPED, now);
      skipped += waiting.size();
    } while (waiting.size() == CHUNK);
    return skipped;
  }
}
