package dev.crm.whatsapp.security;

import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.platform.RunMode;
import dev.crm.whatsapp.platform.errors.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo mode only: makes a token for any tenant, user and groups, so the mock CRM and first-run users
 * can call the API. Outside demo mode the path answers 404 as if it did not exist.
 */
@Path("demo/tokens")
@RequestScoped
public class DemoTokenResource {

  /** What the demo caller wants to be. */
  public record TokenRequest(
      @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "is 1 to 64 letters, digits, '.', '_' or '-'")
          String tenant,
      @NotBlank @Size(max = 128) String user,
      @NotNull @Size(max = 16) List<@NotBlank @Size(max = 64) String> groups) {}

  /** The signed token. */
  public record TokenResponse(String token, String tenant, List<String> groups) {}

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "wa.security.tenant-claim", defaultValue = "tenant")
  String tenantClaim;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @PublicEndpoint(because = "demo mode only: it is how the mock CRM gets a token")
  public TokenResponse create(@NotNull @Valid TokenRequest request) {
    if (!RunMode.current().isDemo()) {
      throw ApiException.notFound("this resource");
    }
    String token = JwtSigner.sign(DemoSigningKey.keys().getPrivate(), DemoSigningKey.ISSUER, tenantClaim,
        TenantId.of(request.tenant()).value(), request.user(), request.groups(), clock.instant(),
        Duration.ofHours(12));
    return new TokenResponse(token, request.tenant(), request.groups());
  }
}
