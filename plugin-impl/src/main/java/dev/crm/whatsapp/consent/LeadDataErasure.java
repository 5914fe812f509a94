package dev.crm.whatsapp.consent;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.media.LeadMedia;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * GDPR erasure of a lead's WhatsApp data: its messages (to and from it) and the files uploaded to send it, unmatched messages and stored
 * webhook bodies that mention its number, and the number and free text of its consent record. Kept: the
 * consent state under the keyed hash of the number (an opted-out number is never messaged again), the
 * hashed provider ids of the erased messages (a late webhook recreates nothing), and conversions, which
 * hold only host ids.
 */
@ApplicationScoped
public class LeadDataErasure {

  /** What was erased. */
  public record Erased(int messages, int unmatchedMessages, int webhookEvents, boolean consentRecord) {}

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  @Inject ConsentRegistry consent;
  @Inject ErasedMessages erased;
  @Inject Clock clock;

  public static LeadDataErasure over(EntityManager em, PhoneHasher hasher, Clock clock) {
    LeadDataErasure erasure = new LeadDataErasure();
    erasure.em = em;
    erasure.consent = ConsentRegistry.over(em, hasher);
    erasure.erased = ErasedMessages.over(em, hasher);
    erasure.clock = clock;
    return erasure;
  }

  /** Erases in the caller's transaction; {@code phone} is empty when the lead's phone is not a number. */
  public Erased erase(TenantId tenant, LeadId lead, Optional<PhoneNumber> phone) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<String> providerIds = em.createQuery("SELECT m.providerMessageId FROM LeadMessage m WHERE m.tenantId = :tenant"
            + " AND m.leadId = :lead AND m.providerMessageId IS NOT NULL", String.class)
        .setParameter("tenant", tenant.value())
        .setParameter("lead", lead.value())
        .getResultList();
    providerIds.forEach(id -> erased.remember(tenant, id, now));
    int messages = em.createQuery("DELETE FROM LeadMessage m WHERE m.tenantId = :tenant AND m.leadId = :lead")
        .setParameter("tenant", tenant.value())
        .setParameter("lead", lead.value())
        .executeUpdate();
    LeadMedia.eraseLead(em, tenant, lead); // files the rep uploaded for it: part of its messages
    if (phone.isEmpty()) {
      return new Erased(messages, 0, 0, false);
    }
    int unmatched = em.createNativeQuery("DELETE FROM wa_unmatched_inbound WHERE tenant_id = ?1 AND phone = ?2")
        .setParameter(1, tenant.value())
        .setParameter(2, phone.get().e164())
        .executeUpdate();
    // Bodies carry the number as digits (recipient_id, from, wa_id); the tenant is not known per body.
    int events = em.createNativeQuery("DELETE FROM wa_webhook_event WHERE body LIKE ?1")
        .setParameter(1, "%\"" + phone.get().digits() + "\"%")
        .executeUpdate();
    boolean hadConsent = consent.find(tenant, phone.get()).isPresent();
    consent.erase(tenant, phone.get());
    return new Erased(messages, unmatched, events, hadConsent);
  }
}
