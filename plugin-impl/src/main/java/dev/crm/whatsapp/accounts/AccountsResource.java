package dev.crm.whatsapp.accounts;

import dev.crm.whatsapp.api.security.Permission;
import dev.crm.whatsapp.security.CurrentCaller;
import dev.crm.whatsapp.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.providers.gateway.GatewaySessions;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * Sender numbers of the caller's tenant, for admins. Credentials go in, never out: responses only say
 * whether a number has some.
 */
@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsResource {

  @Inject CurrentCaller caller;
  @Inject AccountService service;
  @Inject SenderRouter router;
  @Inject GatewayAccountSessions sessions;

  private String tenant() {
    return caller.get().tenant().value();
  }

  @GET
  @RequiresPermission(Permission.ACCOUNTS_ADMIN)
  public List<AccountView> list() {
    return service.list(tenant()).stream().map(AccountView::of).toList();
  }

  @POST
  @RequiresPermission(Permission.ACCOUNTS_ADMIN)
  public Response create(@NotNull(message = "a JSON body is required") @Valid AccountRequests.Create request) {
    AccountView created = AccountView.of(service.create(tenant(), request));
    router.forget(tenant());
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @PATCH
  @Path("{id}")
  @RequiresPermission(Permission.ACCOUNTS_ADMIN)
  public AccountView update(@PathParam("id") String id,
      @NotNull(message = "a JSON body is required") @Valid AccountRequests.Update request) {
    AccountView updated = AccountView.of(service.update(tenant(), id, request));
    router.forget(tenant());
    return updated;
  }

  @POST
  @Path("{id}/test")
  @RequiresPermission(Permission.ACCOUNTS_ADMIN)
  public AccountRequests.ConnectionTest test(@PathParam("id") String id) {
    return service.testConnection(tenant(), id);
  }

  @POST
  @Path("{id}/primary")
  @RequiresPermission(Permission.ACCOUNTS_ADMIN)
  public AccountView setPrimary(@PathParam("id") String id) {
    AccountView updated = AccountView.of(service.setPrimary(tenant(), id));
    router.forget(tenant());
    return updated;
  }

  @POST
  @Path("{id}/disable")
  @RequiresPermission(Permission.ACCOUNTS_ADMIN)
  public AccountView disable(@PathParam("id") String id) {
    AccountView updated = AccountView.of(service.disable(tenant(), id));
    router.forget(tenant());
    return updated;
  }

  /** A gateway number's WhatsApp Web session: STOPPED, STARTING, SCAN_QR_CODE, WORKING, FAILED or UNREACHABLE. */
  @GET
  @Path("{id}/session")
  @RequiresPermission(Permission.ACCOUNTS_ADMIN)
  public GatewaySessions.State session(@PathParam("id") String id) {
    return sessions.state(tenant(), id);
  }

  /** The QR code linking a phone to the session: a PNG, or {@code {"value"}} with {@code ?format=raw}. */
  @GET
  @Path("{id}/session/qr")
  @Produces({"image/png", MediaType.APPLICATION_JSON})
  @RequiresPermission(Permission.ACCOUNTS_ADMIN)
  public Response qr(@PathParam("id") String id, @QueryParam("format") @DefaultValue("image") String format) {
    if (!"image".equals(format) && !"raw".equals(format)) {
      throw ApiException.invalid("format", "is image or raw");
    }
    GatewaySessions.Qr qr = sessions.qr(tenant(), id, "image".equals(format));
    return qr instanceof GatewaySessions.Qr.Png png
        ? Response.ok(png.bytes(), "image/png").header("Cache-Control", "no-store").build()
        : Response.ok(Map.of("value", ((GatewaySessions.Qr.Value) qr).value()), MediaType.APPLICATION_JSON)
            .header("Cache-Control", "no-store").build();
  }
}
