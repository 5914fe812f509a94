package dev.crm.whatsapp.analytics;

import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recipients of one campaign run moved in one transaction (a batch written, a feed), tallied so that the
 * statistics get one delta row per kind of move instead of one per recipient.
 */
public final class RecipientTally {
  private record Move(String variant, String from, String to, Integer errorCode) {}

  private final String tenant;
  private final String campaignId;
  private final int runNo;
  private final Map<Move, Integer> moves = new LinkedHashMap<>();

  public RecipientTally(String tenant, String campaignId, int runNo) {
    this.tenant = tenant;
    this.campaignId = campaignId;
    this.runNo = runNo;
  }

  /** One recipient moved; {@code from} null for one written, {@code to} null for one deleted. */
  public void move(String variant, String from, String to) {
    move(variant, from, to, 1);
  }

  /** {@code n} recipients moved alike. */
  public void move(String variant, String from, String to, int n) {
    moves.merge(new Move(variant == null ? "" : variant, from, to, null), n, Integer::sum);
  }

  /** Writes the tally as delta rows and starts again. */
  public void writeTo(EntityManager em, OffsetDateTime at) {
    moves.forEach((move, n) -> StatDeltas.recipientsMoved(em, tenant, campaignId, runNo, move.variant(),
        move.from(), move.to(), n, move.errorCode(), at));
    moves.clear();
  }
}
