package dev.crm.whatsapp.history;

import dev.crm.whatsapp.analytics.StatDeltas;
import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Replies and who was written to last: an inbound message marks the lead's latest outbound message as
 * responded when it came within {@code wa.history.responded-window} of it. (Campaign recipients will be
 * marked the same way once campaigns exist; until then the mark is {@code wa_message.responded_at}.)
 */
@ApplicationScoped
public class Replies {

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "wa.history.responded-window", defaultValue = "P7D")
  Duration window;

  public static Replies over(EntityManager em, Duration window) {
    Replies replies = new Replies();
    replies.em = em;
    replies.window = window;
    return replies;
  }

  /** @return true when an outbound message was marked */
  public boolean markResponded(TenantId tenant, LeadId lead, OffsetDateTime repliedAt) {
    List<String> latest = em.createQuery("SELECT m.id FROM LeadMessage m WHERE m.tenantId = :tenant"
            + " AND m.leadId = :lead AND m.direction = :outbound AND m.createdAt <= :at AND m.createdAt >= :since"
            + " ORDER BY m.createdAt DESC, m.id DESC", String.class)
        .setParameter("tenant", tenant.value())
        .setParameter("lead", lead.value())
        .setParameter("outbound", Direction.OUTBOUND)
        .setParameter("at", repliedAt)
        .setParameter("since", repliedAt.minus(window))
        .setMaxResults(1)
        .getResultList();
    if (latest.isEmpty()) {
      return false;
    }
    boolean marked = em.createQuery("UPDATE LeadMessage m SET m.respondedAt = :at, m.version = m.version + 1"
            + " WHERE m.id = :id AND m.respondedAt IS NULL")
        .setParameter("at", repliedAt)
        .setParameter("id", latest.get(0))
        .executeUpdate() == 1;
    if (marked) {
      StatDeltas.responded(em, latest.get(0), repliedAt);
    }
    return marked;
  }

  /** Of these leads, the one most recently written to. */
  public Optional<LeadId> lastWrittenLead(TenantId tenant, List<LeadId> leads) {
    return em.createQuery("SELECT m.leadId FROM LeadMessage m WHERE m.tenantId = :tenant AND m.leadId IN :leads"
            + " AND m.direction = :outbound ORDER BY m.createdAt DESC", String.class)
        .setParameter("tenant", tenant.value())
        .setParameter("leads", leads.stream().map(LeadId::value).toList())
        .setParameter("outbound", Direction.OUTBOUND)
        .setMaxResults(1)
        .getResultStream().findFirst().map(LeadId::of);
  }

  /** Of these tenants, the one that most recently wrote to this phone. */
  public Optional<TenantId> lastWritingTenant(List<TenantId> tenants, PhoneNumber phone) {
    return em.createQuery("SELECT m.tenantId FROM LeadMessage m WHERE m.tenantId IN :tenants AND m.phone = :phone"
            + " AND m.direction = :outbound ORDER BY m.createdAt DESC", String.class)
        .setParameter("tenants", tenants.stream().map(TenantId::value).toList())
        .setParameter("phone", phone.e164())
        .setParameter("outbound", Direction.OUTBOUND)
        .setMaxResults(1)
        .getResultStream().findFirst().map(TenantId::of);
  }
}
