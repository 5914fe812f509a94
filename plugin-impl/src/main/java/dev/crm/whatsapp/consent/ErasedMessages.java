package dev.crm.whatsapp.consent;

import dev.crm.whatsapp.api.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;

/**
 * Provider ids of erased messages, kept only as keyed hashes: a webhook that arrives after an erasure
 * (Meta retries for up to 7 days) finds its message erased and recreates nothing.
 */
@ApplicationScoped
public class ErasedMessages {

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  @Inject PhoneHasher hasher;

  public static ErasedMessages over(EntityManager em, PhoneHasher hasher) {
    ErasedMessages erased = new ErasedMessages();
    erased.em = em;
    erased.hasher = hasher;
    return erased;
  }

  public boolean isErased(String providerMessageId) {
    return !em.createNativeQuery("SELECT 1 FROM wa_erased_message WHERE provider_id_hash = ?1")
        .setParameter(1, hasher.hash(providerMessageId))
        .setMaxResults(1)
        .getResultList().isEmpty();
  }

  void remember(TenantId tenant, String providerMessageId, OffsetDateTime now) {
    if (!isErased(providerMessageId)) {
      em.createNativeQuery("INSERT INTO wa_erased_message (provider_id_hash, tenant_id, erased_at) VALUES (?1, ?2, ?3)")
          .setParameter(1, hasher.hash(providerMessageId))
          .setParameter(2, tenant.value())
          .setParameter(3, now)
          .executeUpdate();
    }
  }
}
