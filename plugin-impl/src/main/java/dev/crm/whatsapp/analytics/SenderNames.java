package dev.crm.whatsapp.analytics;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Display names and providers of sender numbers, by the provider's sender id a message records. */
final class SenderNames {
  private SenderNames() {}

  /** sender id -> [name, provider], in one query; a sender the tenant no longer has is absent. */
  static Map<String, Object[]> of(EntityManager em, String tenant, Collection<String> senderIds) {
    Map<String, Object[]> names = new HashMap<>();
    if (senderIds.isEmpty()) {
      return names;
    }
    var query = em.createNativeQuery("SELECT sender_id, name, provider FROM wa_sender_account WHERE tenant_id = ?"
        + " AND sender_id IN (" + String.join(", ", java.util.Collections.nCopies(senderIds.size(), "?")) + ")")
        .setParameter(1, tenant);
    int i = 2;
    for (String id : senderIds) {
      query.setParameter(i++, id);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    rows.forEach(r -> names.put((String) r[0], new Object[] {r[1], r[2]}));
    return names;
  }
}
