package dev.crm.whatsapp.conversion;

import dev.crm.whatsapp.api.CustomerId;
import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.history.Direction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records conversions once per customer and attributes each to the last outbound message delivered (or
 * read) to the lead within {@code wa.conversion.attribution-window} before the conversion. Campaigns do
 * not exist yet: the campaign column stays empty until messages carry one.
 */
@ApplicationScoped
public class Conversions {

  /** The conversion on file, and whether this call recorded it. */
  public record Recorded(Conversion conversion, boolean created) {}

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "wa.conversion.attribution-window", defaultValue = "P30D")
  Duration window;

  public static Conversions over(EntityManager em, Clock clock, Duration window) {
    Conversions conversions = new Conversions();
    conversions.em = em;
    conversions.clock = clock;
    conversions.window = window;
    return conversions;
  }

  /** Records a conversion in the caller's transaction; a customer already on file changes nothing. */
  public Recorded record(TenantId tenant, LeadId lead, CustomerId customer, OffsetDateTime convertedAt,
      Conversion.Source source) {
    Optional<Conversion> existing = ofCustomer(tenant, customer);
    if (existing.isPresent()) {
      return new Recorded(existing.get(), false);
    }
    Conversion conversion = Conversion.of(tenant, lead, customer, convertedAt, source,
        lastDelivered(tenant, lead, convertedAt, false).orElse(null),
        lastDelivered(tenant, lead, convertedAt, true).orElse(null), OffsetDateTime.now(clock));
    em.persist(conversion);
    return new Recorded(conversion, true);
  }

  public Optional<Conversion> ofCustomer(TenantId tenant, CustomerId customer) {
    return em.createQuery("SELECT c FROM Conversion c WHERE c.tenantId = :tenant AND c.customerId = :customer",
            Conversion.class)
        .setParameter("tenant", tenant.value())
        .setParameter("customer", customer.value())
        .getResultStream().findFirst();
  }

  public List<Conversion> ofLead(TenantId tenant, LeadId lead) {
    return em.createQuery("SELECT c FROM Conversion c WHERE c.tenantId = :tenant AND c.leadId = :lead"
            + " ORDER BY c.convertedAt DESC", Conversion.class)
        .setParameter("tenant", tenant.value())
        .setParameter("lead", lead.value())
        .getResultList();
  }

  /**
   * The last message delivered to the lead within the attribution window before the conversion, or, with
   * {@code campaignOnly}, the campaign of the last campaign message delivered in it (a rep's one-off message
   * after a campaign does not take the campaign's credit).
   */
  private Optional<String> lastDelivered(TenantId tenant, LeadId lead, OffsetDateTime convertedAt,
      boolean campaignOnly) {
    return em.createQuery("SELECT " + (campaignOnly ? "m.campaignId" : "m.id") + " FROM LeadMessage m"
            + " WHERE m.tenantId = :tenant AND m.leadId = :lead"
            + (campaignOnly ? " AND m.campaignId IS NOT NULL" : "")
            + " AND m.direction = :outbound AND COALESCE(m.deliveredAt, m.readAt) IS NOT NULL"
            + " AND COALESCE(m.deliveredAt, m.readAt) <= :at AND COALESCE(m.deliveredAt, m.readAt) >= :since"
            + " ORDER BY COALESCE(m.deliveredAt, m.readAt) DESC, m.id DESC", String.class)
        .setParameter("tenant", tenant.value())
        .setParameter("lead", lead.value())
        .setParameter("outbound", Direction.OUTBOUND)
        .setParameter("at", convertedAt)
        .setParameter("since", convertedAt.minus(window))
        .setMaxResults(1)
        .getResultStream().findFirst();
  }
}
