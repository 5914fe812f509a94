package dev.crm.whatsapp.consent;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.security.Permission;
import dev.crm.whatsapp.platform.PhoneNormaliser;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.security.CurrentCaller;
import dev.crm.whatsapp.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/** The tenant's consent registry for admins: list opt-outs (or opt-ins), add an opt-out, remove one. */
@Path("consent")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

  /** An admin's opt-out of a number, e.g. asked for by phone or e-mail. */
  public record OptOutRequest(
      @NotBlank(message = "must not be empty") @Size(max = 64, message = "is at most 64 characters") String phone,
      @Size(max = 200, message = "is at most 200 characters") String reason) {}

  /** One consent record; {@code phone} is null once the number was erased (only its hash is kept). */
  public record ConsentView(String phone, String state, String source, String detail, OffsetDateTime updatedAt) {
    static ConsentView of(ConsentRecord r) {
      return new ConsentView(r.phone().orElse(null), r.state().name().toLowerCase(Locale.ROOT),
          r.source().wireName(), r.detail().orElse(null), r.updatedAt());
    }
  }

  @Inject CurrentCaller caller;
  @Inject ConsentRegistry consent;
  @Inject PhoneNormaliser phones;
  @Inject Clock clock;

  @GET
  @RequiresPermission(Permission.SETTINGS_ADMIN)
  @Transactional
  public List<ConsentView> list(
      @QueryParam("state") @DefaultValue("opted_out") String state,
      @QueryParam("limit") @DefaultValue("100") @Min(value = 1, message = "is at least 1")
          @Max(value = 1000, message = "is at most 1000") int limit) {
    ConsentState wanted;
    try {
      wanted = ConsentState.valueOf(state.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw ApiException.invalid("state", "state is opted_out or opted_in");
    }
    return consent.list(tenant(), wanted, limit).stream().map(ConsentView::of).toList();
  }

  @POST
  @Path("opt-outs")
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresPermission(Permission.SETTINGS_ADMIN)
  @Transactional
  public Response optOut(@NotNull(message = "a JSON body is required") @Valid OptOutRequest request) {
    PhoneNumber phone = phone(request.phone());
    String detail = "by " + caller.get().user() + (request.reason() == null ? "" : ": " + request.reason());
    consent.record(tenant(), phone, ConsentState.OPTED_OUT, ConsentSource.ADMIN, detail, OffsetDateTime.now(clock));
    return Response.ok(ConsentView.of(consent.find(tenant(), phone).orElseThrow())).build();
  }

  @DELETE
  @Path("opt-outs/{phone}")
  @RequiresPermission(Permission.SETTINGS_ADMIN)
  @Transactional
  public Response remove(@PathParam("phone") String text) {
    PhoneNumber phone = phone(text);
    boolean optedOut = consent.find(tenant(), phone).map(r -> r.state() == ConsentState.OPTED_OUT).orElse(false);
    if (!optedOut) {
      throw ApiException.notFound("opt-out");
    }
    consent.remove(tenant(), phone);
    return Response.noContent().build();
  }

  private PhoneNumber phone(String text) {
    return phones.normalise(text).orElseThrow(() -> ApiException.unprocessable("phone", "phone is not a valid phone number"));
  }

  private TenantId tenant() {
    return caller.get().tenant();
  }
}
