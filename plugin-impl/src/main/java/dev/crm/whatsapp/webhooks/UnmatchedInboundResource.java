package dev.crm.whatsapp.webhooks;

import dev.crm.whatsapp.api.security.Permission;
import dev.crm.whatsapp.security.CurrentCaller;
import dev.crm.whatsapp.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;

/** Inbound messages no lead was found for, newest first, for the tenant's admins. */
@Path("inbound/unmatched")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UnmatchedInboundResource {

  /** One unmatched message. */
  public record UnmatchedView(String id, String phone, String phoneNumberId, String type, String text,
      String profileName, String reason, OffsetDateTime receivedAt) {}

  @Inject CurrentCaller caller;

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  @GET
  @RequiresPermission(Permission.SETTINGS_ADMIN)
  public List<UnmatchedView> list(@QueryParam("limit") @DefaultValue("100") @Min(value = 1, message = "is at least 1")
      @Max(value = 1000, message = "is at most 1000") int limit) {
    return em.createQuery("SELECT u FROM UnmatchedInbound u WHERE u.tenantId = :tenant"
            + " ORDER BY u.receivedAt DESC, u.id DESC", UnmatchedInbound.class)
        .setParameter("tenant", caller.get().tenant().value())
        .setMaxResults(limit)
        .getResultStream()
        .map(u -> new UnmatchedView(u.id(), u.phone(), u.phoneNumberId(), u.messageType(), u.body(),
            u.profileName(), u.reason(), u.receivedAt()))
        .toList();
  }
}
