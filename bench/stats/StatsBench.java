import dev.crm.whatsapp.analytics.CampaignStatistics;
import dev.crm.whatsapp.analytics.StatsView;
import dev.crm.whatsapp.analytics.TimeBucket;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.testing.PgSchema;
import dev.crm.whatsapp.testing.WhatsAppPersistence;
import java.util.Arrays;

/**
 * Latency of GET /campaigns/{id}/stats's work (CampaignStatistics.stats on the real PostgreSQL) for a
 * campaign of 1,000,000 recipients and one of 100, both with their counters made by SQL the way the
 * delta folder leaves them (plus unfolded deltas), and, for comparison, a COUNT(*) GROUP BY over the
 * big campaign's recipients. Prints p50/p99; asserts nothing. Run: bench/stats/stats.sh [N]
 */
public class StatsBench {
  static final TenantId ACME = TenantId.of("acme");

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    try (PgSchema schema = PgSchema.pluginTables().open();
        WhatsAppPersistence db = WhatsAppPersistence.over(schema.dataSource())) {
      long t0 = System.nanoTime();
      campaign(schema, "big", n);
      campaign(schema, "small", 100);
      System.out.printf("generated %,d + 100 recipients with counters in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
      schema.execute("ANALYZE");
      for (String id : new String[] {"small", "big"}) {
        long[] micros = time(db, id, 300);
        StatsView view = db.inTransaction(em -> CampaignStatistics.over(em).stats(ACME, id, TimeBucket.HOUR, null)
            .orElseThrow());
        System.out.printf("stats of %-5s (%,9d recipients, %d timeline points, %d error codes): p50 %.2f ms,"
            + " p99 %.2f ms, max %.2f ms%n", id, view.total(), view.timeline().points().size(), view.errors().size(),
            micros[micros.length / 2] / 1000.0, micros[(int) (micros.length * 0.99)] / 1000.0,
            micros[micros.length - 1] / 1000.0);
      }
      long[] naive = new long[10];
      for (int i = 0; i < naive.length; i++) {
        long start = System.nanoTime();
        db.run(em -> em.createNativeQuery("SELECT status, COUNT(*) FROM wa_campaign_recipient WHERE campaign_id ="
            + " 'big' GROUP BY status").getResultList());
        naive[i] = (System.nanoTime() - start) / 1000;
      }
      Arrays.sort(naive);
      System.out.printf("for comparison, COUNT(*) GROUP BY status over the big campaign's rows: p50 %.1f ms%n",
          naive[naive.length / 2] / 1000.0);
    }
  }

  static long[] time(WhatsAppPersistence db, String id, int runs) {
    for (int i = 0; i < 30; i++) {
      db.inTransaction(em -> CampaignStatistics.over(em).stats(ACME, id, TimeBucket.HOUR, null));
    }
    long[] micros = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      db.inTransaction(em -> CampaignStatistics.over(em).stats(ACME, id, TimeBucket.HOUR, null));
      micros[i] = (System.nanoTime() - start) / 1000;
    }
    Arrays.sort(micros);
    return micros;
  }

  /**
   * A campaign of n recipients over ~100 hours, two variants and three senders: recipient rows with
   * statuses and error codes, then the counters summed from them as the folder would have, and 2,000
   * unfolded delta rows on top (what a busy campaign has between folds).
   */
  static void campaign(PgSchema schema, String id, int n) {
    schema.execute("INSERT INTO wa_campaign (id, tenant_id, name, template_id, status, run_no, time_zone, created_at,"
        + " updated_at) VALUES ('" + id + "', 'acme', '" + id + "', 't1', 'RUNNING', 1, 'Asia/Jakarta', now(), now())");
    schema.execute("INSERT INTO wa_campaign_recipient (id, tenant_id, campaign_id, run_no, lead_id, phone, variant,"
        + " status, error_code, error_message, created_at, updated_at) SELECT '" + id + "-' || g, 'acme', '" + id
        + "', 1, 'lead-' || g, '+62812' || lpad(g::text, 8, '0'), CASE WHEN g % 2 = 0 THEN 'A' ELSE 'B' END,"
        + " CASE WHEN g % 20 = 0 THEN 'FAILED' WHEN g % 10 = 1 THEN 'SENT' WHEN g % 10 < 5 THEN 'DELIVERED'"
        + " WHEN g % 10 < 9 THEN 'READ' ELSE 'PENDING' END,"
        + " CASE WHEN g % 20 = 0 THEN (ARRAY[131026, 131049, 130472, 131000])[1 + (g / 20) % 4] END,"
        + " CASE WHEN g % 20 = 0 THEN 'failed' END, now(), now() FROM generate_series(1, " + n + ") g");
    schema.execute("INSERT INTO wa_stat_count (campaign_id, run_no, variant, status, error_code, n)"
        + " SELECT campaign_id, run_no, variant, status, COALESCE(error_code, 0), COUNT(*) FROM wa_campaign_recipient"
        + " WHERE campaign_id = '" + id + "' GROUP BY campaign_id, run_no, variant, status, COALESCE(error_code, 0)");
    schema.execute("INSERT INTO wa_stat_hour (tenant_id, campaign_id, run_no, variant, sender_id, hour_at, sent,"
        + " delivered, read_n, failed, responded, delivered_seconds, delivered_timed, read_seconds, read_timed)"
        + " SELECT 'acme', '" + id + "', 1, v, 's' || s, date_trunc('hour', now()) - h * interval '1 hour',"
        + " GREATEST(1, " + n + " / 600), " + n + " / 700, " + n + " / 1000, " + n + " / 12000, " + n + " / 20000,"
        + n + " / 700 * 4, " + n + " / 700, " + n + " / 1000 * 600, " + n + " / 1000"
        + " FROM generate_series(0, 99) h, generate_series(1, 3) s, unnest(ARRAY['A', 'B']) v");
    schema.execute("INSERT INTO wa_stat_delta (tenant_id, campaign_id, run_no, variant, from_status, to_status,"
        + " sender_id, hour_at, delivered) SELECT 'acme', '" + id + "', 1, 'A', 'SENT', 'DELIVERED', 's1',"
        + " date_trunc('hour', now()), 1 FROM generate_series(1, " + Math.min(2000, n) + ")");
  }
}
