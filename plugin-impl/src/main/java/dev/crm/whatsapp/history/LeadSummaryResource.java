package dev.crm.whatsapp.history;

import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.api.security.Permission;
import dev.crm.whatsapp.consent.ConsentRecord;
import dev.crm.whatsapp.consent.ConsentRegistry;
import dev.crm.whatsapp.leads.LeadLookup;
import dev.crm.whatsapp.platform.PhoneNormaliser;
import dev.crm.whatsapp.security.Caller;
import dev.crm.whatsapp.security.CurrentCaller;
import dev.crm.whatsapp.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A lead's WhatsApp at a glance: last contact, consent, the service window, message counts. */
@Path("leads/{leadId}/whatsapp-summary")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LeadSummaryResource {

  /**
   * The summary. {@code consent} is {@code opted_out}, {@code opted_in} or {@code none}; {@code windowOpenUntil}
   * is null when the lead never wrote; {@code windowEnforced} says whether free text outside the window is refused.
   */
  public record Summary(String leadId, OffsetDateTime lastContactAt, OffsetDateTime lastInboundAt,
      OffsetDateTime lastOutboundAt, String consent, OffsetDateTime windowOpenUntil, boolean windowOpen,
      boolean windowEnforced, long total, long inbound, long outbound, Map<String, Long> byStatus) {}

  @Inject CurrentCaller caller;
  @Inject LeadLookup leads;
  @Inject LeadHistory history;
  @Inject ConsentRegistry consent;
  @Inject PhoneNormaliser phones;
  @Inject Clock clock;
  @Inject ServiceWindow window;

  @PathParam("leadId") String leadId;

  @GET
  @RequiresPermission(Permission.LEAD_VIEW)
  public Summary summary() {
    Caller who = caller.get();
    Lead lead = leads.require(who.tenant(), leadId);
    LeadHistory.Figures figures = history.figures(who.tenant(), lead.id());
    String consentState = phones.normalise(lead.phone()).flatMap(p -> consent.find(who.tenant(), p))
        .map(ConsentRecord::state).map(s -> s.name().toLowerCase(Locale.ROOT)).orElse("none");
    Optional<OffsetDateTime> until = figures.lastInbound().map(t -> t.plus(ServiceWindow.LENGTH));
    Map<String, Long> byStatus = new LinkedHashMap<>();
    figures.byStatus().forEach((status, count) -> byStatus.put(status.wireName(), count));
    return new Summary(lead.id().value(), figures.lastContact().orElse(null), figures.lastInbound().orElse(null),
        figures.lastOutbound().orElse(null), consentState, until.orElse(null),
        until.map(u -> u.isAfter(OffsetDateTime.now(clock))).orElse(false), window.enforced(), figures.total(),
        figures.byDirection().getOrDefault(Direction.INBOUND, 0L),
        figures.byDirection().getOrDefault(Direction.OUTBOUND, 0L), byStatus);
  }
}
