package dev.crm.whatsapp.conversion;

import dev.crm.whatsapp.api.CustomerId;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.security.Permission;
import dev.crm.whatsapp.leads.LeadLookup;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.security.CurrentCaller;
import dev.crm.whatsapp.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The host reports conversions here (recorded once per customer: a repeat answers 200 with the record on
 * file, a first report 201); reps look them up by lead or by customer.
 */
@Path("conversions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConversionsResource {

  /** "Lead {@code leadId} became customer {@code customerId} at {@code convertedAt}" (default: now). */
  public record ConversionRequest(
      @NotBlank(message = "must not be empty") @Size(max = 128, message = "is at most 128 characters") String leadId,
      @NotBlank(message = "must not be empty") @Size(max = 128, message = "is at most 128 characters") String customerId,
      OffsetDateTime convertedAt) {}

  /** A conversion and the message it is credited to (null when none was delivered within the window). */
  public record ConversionView(String leadId, String customerId, OffsetDateTime convertedAt, String source,
      String attributedMessageId, String attributedCampaignId, OffsetDateTime recordedAt) {
    static ConversionView of(Conversion c) {
      return new ConversionView(c.lead().value(), c.customer().value(), c.convertedAt(), c.source(),
          c.attributedMessageId().orElse(null), c.attributedCampaignId().orElse(null), c.recordedAt());
    }
  }

  @Inject CurrentCaller caller;
  @Inject LeadLookup leads;
  @Inject Conversions conversions;
  @Inject ConversionRecorder recorder;
  @Inject Clock clock;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresPermission(Permission.CONVERSION_REPORT)
  public Response report(@NotNull(message = "a JSON body is required") @Valid ConversionRequest request) {
    TenantId tenant = caller.get().tenant();
    var lead = leads.require(tenant, request.leadId());
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime at = request.convertedAt() == null ? now : request.convertedAt();
    if (at.isAfter(now.plusMinutes(5))) {
      throw ApiException.unprocessable("convertedAt", "convertedAt is in the future");
    }
    Conversions.Recorded recorded = recorder.record(tenant, lead.id(), CustomerId.of(request.customerId().trim()), at,
        Conversion.Source.REST);
    if (!recorded.created() && !recorded.conversion().lead().equals(lead.id())) {
      throw new ApiException(Response.Status.CONFLICT, "conflict", "customerId",
          "this customer is already recorded as converted from another lead");
    }
    return Response.status(recorded.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(ConversionView.of(recorded.conversion())).build();
  }

  /** By {@code customerId} (its original lead) or by {@code leadId} (the customers it became). */
  @GET
  @RequiresPermission(Permission.LEAD_VIEW)
  @Transactional
  public List<ConversionView> find(@QueryParam("leadId") String leadId, @QueryParam("customerId") String customerId) {
    TenantId tenant = caller.get().tenant();
    boolean byLead = leadId != null && !leadId.isBlank();
    boolean byCustomer = customerId != null && !customerId.isBlank();
    if (byLead == byCustomer) {
      throw ApiException.invalid("leadId", "give exactly one of leadId and customerId");
    }
    if (byCustomer) {
      if (customerId.length() > 128) {
        throw ApiException.invalid("customerId", "customerId is at most 128 characters");
      }
      return conversions.ofCustomer(tenant, CustomerId.of(customerId.trim())).map(ConversionView::of).stream().toList();
    }
    return conversions.ofLead(tenant, leads.require(tenant, leadId).id()).stream().map(ConversionView::of).toList();
  }
}
