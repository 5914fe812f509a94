package dev.crm.whatsapp.analytics;

/** SQL fragments shared by the folder and the readers, so both sum the delta rows the same way. */
final class StatQueries {
  private StatQueries() {}

  /**
   * Each delta row as two signed count moves (+n into to_status, -n out of from_status); the error code
   * only keys FAILED. Callers append a WHERE clause applying to both halves via the wrapping query.
   */
  static final String COUNT_MOVES_COLUMNS = "campaign_id, run_no, variant, %1$s AS status,"
      + " CASE WHEN %1$s = 'FAILED' THEN error_code ELSE 0 END AS error_code, %2$s AS n, folding";

  static final String COUNT_MOVES = "SELECT * FROM (SELECT " + String.format(COUNT_MOVES_COLUMNS, "to_status", "n")
      + " FROM wa_stat_delta WHERE to_status IS NOT NULL UNION ALL SELECT "
      + String.format(COUNT_MOVES_COLUMNS, "from_status", "-n")
      + " FROM wa_stat_delta WHERE from_status IS NOT NULL) d";

  /** The summed event columns of wa_stat_delta or wa_stat_hour, in table order. */
  static final String HOUR_SUMS = "SUM(sent), SUM(delivered), SUM(read_n), SUM(failed), SUM(responded),"
      + " SUM(delivered_seconds), SUM(delivered_timed), SUM(read_seconds), SUM(read_timed)";

  static final String HOUR_COLUMNS = "tenant_id, campaign_id, run_no, variant, sender_id, hour_at, sent, delivered,"
      + " read_n, failed, responded, delivered_seconds, delivered_timed, read_seconds, read_timed";
}
