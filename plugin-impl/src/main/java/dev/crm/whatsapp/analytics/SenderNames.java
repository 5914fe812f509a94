package dev.crm.whatsapp.analytics;

import jakarta.persistence.EntityManager;
import java.util.List;

/** The display name and provider of a sender number, by the provider's sender id a message records. */
final class SenderNames {
  private SenderNames() {}

  /** [name, provider]; both null for a sender the tenant no longer has. */
  static Object[] of(EntityManager em, String tenant, String senderId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("SELECT name, provider FROM wa_sender_account"
            + " WHERE tenant_id = ? AND sender_id = ?")
        .setParameter(1, tenant).setParameter(2, senderId).getResultList();
    return rows.isEmpty() ? new Object[] {null, null} : rows.get(0);
  }
}
