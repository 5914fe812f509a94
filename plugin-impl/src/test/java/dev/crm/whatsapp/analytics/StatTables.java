package dev.crm.whatsapp.analytics;

import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;

/** Hand-made campaigns and counter rows, for tests that check the arithmetic on known figures. */
final class StatTables {
  private final EntityManager em;

  StatTables(EntityManager em) {
    this.em = em;
  }

  void campaign(String id, String tenant, String name, String status, int runNo, String zone, OffsetDateTime created) {
    em.createNativeQuery("INSERT INTO wa_campaign (id, tenant_id, name, template_id, status, run_no, time_zone,"
            + " created_at, updated_at) VALUES (?, ?, ?, 'template-1', ?, ?, ?, ?, ?)")
        .setParameter(1, id).setParameter(2, tenant).setParameter(3, name).setParameter(4, status)
        .setParameter(5, runNo).setParameter(6, zone).setParameter(7, created).setParameter(8, created)
        .executeUpdate();
  }

  void count(String campaign, int run, String variant, String status, int errorCode, long n) {
    em.createNativeQuery("INSERT INTO wa_stat_count (campaign_id, run_no, variant, status, error_code, n)"
            + " VALUES (?, ?, ?, ?, ?, ?)")
        .setParameter(1, campaign).setParameter(2, run).setParameter(3, variant).setParameter(4, status)
        .setParameter(5, errorCode).setParameter(6, n).executeUpdate();
  }

  /** sent, delivered, read, failed, responded, delivered seconds and timed, read seconds and timed. */
  void hour(String tenant, String campaign, int run, String variant, String sender, OffsetDateTime hour, long... v) {
    em.createNativeQuery("INSERT INTO wa_stat_hour (" + StatQueries.HOUR_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, tenant).setParameter(2, campaign).setParameter(3, run).setParameter(4, variant)
        .setParameter(5, sender).setParameter(6, hour)
        .setParameter(7, v[0]).setParameter(8, v[1]).setParameter(9, v[2]).setParameter(10, v[3])
        .setParameter(11, v[4]).setParameter(12, v[5]).setParameter(13, v[6]).setParameter(14, v[7])
        .setParameter(15, v[8]).executeUpdate();
  }

  void sender(String tenant, String senderId, String name) {
    em.createNativeQuery("INSERT INTO wa_sender_account (id, tenant_id, name, phone_number, provider, sender_id,"
            + " status, created_at, updated_at) VALUES (?, ?, ?, '+6281363050001', 'sandbox', ?, 'ACTIVE', ?, ?)")
        .setParameter(1, senderId + "-account").setParameter(2, tenant).setParameter(3, name)
        .setParameter(4, senderId).setParameter(5, OffsetDateTime.now()).setParameter(6, OffsetDateTime.now())
        .executeUpdate();
  }

  void conversion(String tenant, String campaign, String customer) {
    em.createNativeQuery("INSERT INTO wa_conversion (id, tenant_id, lead_id, customer_id, converted_at, source,"
            + " attributed_campaign_id, recorded_at) VALUES (?, ?, 'lead', ?, ?, 'rest', ?, ?)")
        .setParameter(1, customer).setParameter(2, tenant).setParameter(3, customer)
        .setParameter(4, OffsetDateTime.parse("2026-03-01T12:00:00Z")).setParameter(5, campaign)
        .setParameter(6, OffsetDateTime.parse("2026-03-01T12:00:00Z")).executeUpdate();
  }

  void failedRecipient(String id, String tenant, String campaign, int run, String phone, int code) {
    em.createNativeQuery("INSERT INTO wa_campaign_recipient (id, tenant_id, campaign_id, run_no, lead_id, phone,"
            + " status, error_code, error_message, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'FAILED', ?,"
            + " 'undeliverable', ?, ?)")
        .setParameter(1, id).setParameter(2, tenant).setParameter(3, campaign).setParameter(4, run)
        .setParameter(5, "lead-" + id).setParameter(6, phone).setParameter(7, code)
        .setParameter(8, OffsetDateTime.parse("2026-03-01T02:00:00Z"))
        .setParameter(9, OffsetDateTime.parse("2026-03-01T02:00:00Z")).executeUpdate();
  }

  /** An unfolded delta: one recipient moved and what it counted. */
  void delta(String tenant, String campaign, int run, String variant, String from, String to, String sender,
      OffsetDateTime hour, int sent) {
    em.createNativeQuery("INSERT INTO wa_stat_delta (tenant_id, campaign_id, run_no, variant, from_status, to_status,"
            + " sender_id, hour_at, sent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, tenant).setParameter(2, campaign).setParameter(3, run).setParameter(4, variant)
        .setParameter(5, from).setParameter(6, to).setParameter(7, sender).setParameter(8, hour)
        .setParameter(9, sent).executeUpdate();
  }
}
