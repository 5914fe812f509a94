package dev.crm.whatsapp.analytics;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * Reads a campaign's counters: the folded summary plus the delta rows not folded yet, in one statement
 * each so that a fold committing meanwhile is seen either wholly before or wholly after. Both reads touch
 * a number of rows that grows with statuses, variants, senders and hours, never with recipients.
 */
final class StatRows {
  private StatRows() {}

  /** Recipients of one run and variant in one status (and error code, for FAILED). */
  record Count(int runNo, String variant, String status, int errorCode, long n) {}

  /** Events of one run, variant and sender in one hour. */
  record Hour(int runNo, String variant, String senderId, Instant hour, EventSums events) {}

  static List<Count> counts(EntityManager em, String campaignId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("SELECT run_no, variant, status, error_code, SUM(n) FROM ("
            + "SELECT run_no, variant, status, error_code, n FROM wa_stat_count WHERE campaign_id = ?"
            + " UNION ALL SELECT run_no, variant, status, error_code, n FROM (" + StatQueries.COUNT_MOVES
            + " WHERE campaign_id = ?) moves) c GROUP BY run_no, variant, status, error_code")
        .setParameter(1, campaignId).setParameter(2, campaignId).getResultList();
    return rows.stream().map(r -> new Count(((Number) r[0]).intValue(), (String) r[1], (String) r[2],
        ((Number) r[3]).intValue(), ((Number) r[4]).longValue())).filter(c -> c.n() != 0).toList();
  }

  static List<Hour> hours(EntityManager em, String campaignId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("SELECT run_no, variant, sender_id, hour_at, "
            + StatQueries.HOUR_SUMS + " FROM (SELECT " + StatQueries.HOUR_COLUMNS + " FROM wa_stat_hour"
            + " WHERE campaign_id = ? UNION ALL SELECT " + StatQueries.HOUR_COLUMNS + " FROM wa_stat_delta"
            + " WHERE campaign_id = ? AND hour_at IS NOT NULL) h GROUP BY run_no, variant, sender_id, hour_at")
        .setParameter(1, campaignId).setParameter(2, campaignId).getResultList();
    return rows.stream().map(r -> new Hour(((Number) r[0]).intValue(), (String) r[1], (String) r[2],
        StatDeltas.instant(r[3]), EventSums.of(r, 4))).toList();
  }
}
