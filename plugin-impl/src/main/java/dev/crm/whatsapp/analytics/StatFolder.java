package dev.crm.whatsapp.analytics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Adds the rows of {@code wa_stat_delta} into {@code wa_stat_count} and {@code wa_stat_hour} and deletes
 * them, a batch at a time. Rows are first marked, then summed and deleted by the mark, so that a delta
 * committed while a fold runs is neither lost nor counted twice; a lock row keeps folders of several
 * instances apart (the summary upserts are plain UPDATE-then-INSERT, safe only for one writer).
 */
@ApplicationScoped
public class StatFolder {
  static final int BATCH = 20_000;

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  public static StatFolder over(EntityManager em) {
    StatFolder folder = new StatFolder();
    folder.em = em;
    return folder;
  }

  /** Folds one batch; returns how many delta rows it folded (0 when there was nothing to do). */
  @Transactional
  public int foldOnce() {
    em.createNativeQuery("SELECT id FROM wa_stat_fold_lock WHERE id = 1 FOR UPDATE").getResultList();
    int marked = em.createNativeQuery("UPDATE wa_stat_delta SET folding = TRUE WHERE id IN (SELECT id FROM"
            + " wa_stat_delta WHERE folding = FALSE ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY)")
        .executeUpdate();
    if (marked == 0) {
      return 0;
    }
    foldCounts();
    foldHours();
    em.createNativeQuery("DELETE FROM wa_stat_delta WHERE folding = TRUE").executeUpdate();
    return marked;
  }

  private void foldCounts() {
    @SuppressWarnings("unchecked")
    List<Object[]> sums = em.createNativeQuery("SELECT campaign_id, run_no, variant, status, error_code, SUM(n)"
            + " FROM (" + StatQueries.COUNT_MOVES + " WHERE folding = TRUE) moves"
            + " GROUP BY campaign_id, run_no, variant, status, error_code")
        .getResultList();
    for (Object[] s : sums) {
      long n = ((Number) s[5]).longValue();
      if (n == 0) {
        continue;
      }
      int updated = em.createNativeQuery("UPDATE wa_stat_count SET n = n + ? WHERE campaign_id = ? AND run_no = ?"
              + " AND variant = ? AND status = ? AND error_code = ?")
          .setParameter(1, n).setParameter(2, s[0]).setParameter(3, s[1]).setParameter(4, s[2])
          .setParameter(5, s[3]).setParameter(6, s[4]).executeUpdate();
      if (updated == 0) {
        em.createNativeQuery("INSERT INTO wa_stat_count (campaign_id, run_no, variant, status, error_code, n)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
            .setParameter(1, s[0]).setParameter(2, s[1]).setParameter(3, s[2]).setParameter(4, s[3])
            .setParameter(5, s[4]).setParameter(6, n).executeUpdate();
      }
    }
  }

  private void foldHours() {
    @SuppressWarnings("unchecked")
    List<Object[]> sums = em.createNativeQuery("SELECT tenant_id, campaign_id, run_no, variant, sender_id, hour_at, "
            + StatQueries.HOUR_SUMS + " FROM wa_stat_delta WHERE folding = TRUE AND hour_at IS NOT NULL"
            + " GROUP BY tenant_id, campaign_id, run_no, variant, sender_id, hour_at")
        .getResultList();
    for (Object[] s : sums) {
      var update = em.createNativeQuery("UPDATE wa_stat_hour SET sent = sent + ?, delivered = delivered + ?,"
          + " read_n = read_n + ?, failed = failed + ?, responded = responded + ?,"
          + " delivered_seconds = delivered_seconds + ?, delivered_timed = delivered_timed + ?,"
          + " read_seconds = read_seconds + ?, read_timed = read_timed + ?"
          + " WHERE tenant_id = ? AND campaign_id = ? AND run_no = ? AND variant = ? AND sender_id = ? AND hour_at = ?");
      for (int i = 0; i < 9; i++) {
        update.setParameter(i + 1, s[6 + i]);
      }
      for (int i = 0; i < 6; i++) {
        update.setParameter(10 + i, s[i]);
      }
      if (update.executeUpdate() == 0) {
        var insert = em.createNativeQuery("INSERT INTO wa_stat_hour (tenant_id, campaign_id, run_no, variant,"
            + " sender_id, hour_at, sent, delivered, read_n, failed, responded, delivered_seconds, delivered_timed,"
            + " read_seconds, read_timed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (int i = 0; i < 15; i++) {
          insert.setParameter(i + 1, s[i]);
        }
        insert.executeUpdate();
      }
    }
  }
}
