package dev.crm.whatsapp.analytics;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;

/** Keeps, per sender account and day, the lowest health score computed that day (analytics' health series). */
public final class SenderHealthDays {
  private SenderHealthDays() {}

  public static void record(EntityManager em, String tenant, String accountId, LocalDate day, int health) {
    int updated = em.createNativeQuery("UPDATE wa_sender_health_day SET health = LEAST(health, ?)"
            + " WHERE sender_id = ? AND health_day = ?")
        .setParameter(1, health).setParameter(2, accountId).setParameter(3, day).executeUpdate();
    if (updated == 0) {
      em.createNativeQuery("INSERT INTO wa_sender_health_day (tenant_id, sender_id, health_day, health) VALUES (?, ?, ?, ?)")
          .setParameter(1, tenant).setParameter(2, accountId).setParameter(3, day).setParameter(4, health)
          .executeUpdate();
    }
  }
}
