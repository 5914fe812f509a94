package dev.crm.whatsapp.history;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.platform.RunMode;
import dev.crm.whatsapp.platform.errors.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * WhatsApp's 24-hour customer service window: each message from the lead opens it for 24 hours, and
 * free-form messages may only be sent inside it (outside it the provider answers {@code 131047}).
 * Templates may always be sent. Checked when a rep sends, so the rep hears it at once, not as a failure later.
 */
@ApplicationScoped
public class ServiceWindow {
  public static final Duration LENGTH = Duration.ofHours(24);

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "wa.window.enforce")
  Optional<Boolean> configuredEnforce;

  private boolean enforce;

  @PostConstruct
  void load() {
    enforce = configuredEnforce.orElse(!RunMode.current().isDemo());
  }

  public static ServiceWindow over(EntityManager em, Clock clock, boolean enforce) {
    ServiceWindow window = new ServiceWindow();
    window.em = em;
    window.clock = clock;
    window.enforce = enforce;
    return window;
  }

  /** When the lead last wrote to us. */
  public Optional<OffsetDateTime> lastInbound(TenantId tenant, LeadId lead) {
    return em.createQuery("SELECT m.createdAt FROM LeadMessage m WHERE m.tenantId = :tenant AND m.leadId = :lead"
            + " AND m.direction = :inbound ORDER BY m.createdAt DESC", OffsetDateTime.class)
        .setParameter("tenant", tenant.value())
        .setParameter("lead", lead.value())
        .setParameter("inbound", Direction.INBOUND)
        .setMaxResults(1)
        .getResultStream().findFirst();
  }

  /** Until when free-form text may be sent to the lead; empty when the lead never wrote. */
  public Optional<OffsetDateTime> openUntil(TenantId tenant, LeadId lead) {
    return lastInbound(tenant, lead).map(last -> last.plus(LENGTH));
  }

  /** Whether free-form text outside the window is refused (so a UI can offer only templates then). */
  public boolean enforced() {
    return enforce;
  }

  /** Refuses (422, field {@code text}) a free-form text outside the window, when enforced. */
  public void requireOpenForText(TenantId tenant, LeadId lead) {
    requireOpen(tenant, lead, "text");
  }

  /** As {@link #requireOpenForText}, the refusal naming {@code field} (e.g. {@code media} for an attachment). */
  public void requireOpen(TenantId tenant, LeadId lead, String field) {
    if (!enforce) {
      return;
    }
    Optional<OffsetDateTime> until = openUntil(tenant, lead);
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (until.isEmpty()) {
      throw new ApiException(ApiException.UNPROCESSABLE, "window_closed", field,
          "the lead has never written: free-form text needs an open 24-hour window; send a template instead");
    }
    if (!until.get().isAfter(now)) {
      throw new ApiException(ApiException.UNPROCESSABLE, "window_closed", field,
          "the 24-hour window closed at " + until.get().withOffsetSameInstant(java.time.ZoneOffset.UTC)
              + ": free-form text is only allowed within 24 hours of the lead's last message; send a template instead");
    }
  }
}
