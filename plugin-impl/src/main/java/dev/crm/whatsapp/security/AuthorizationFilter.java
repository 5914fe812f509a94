package dev.crm.whatsapp.security;

import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.platform.errors.ApiError;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The one place that decides whether a request may reach a resource method. The token itself is
 * verified by the container (MicroProfile JWT: signature, issuer, expiry); this filter reads its tenant
 * and groups, maps groups to permissions and compares with what the method requires. A method that
 * declares neither a permission nor {@link PublicEndpoint} is refused: forgetting is never an opening.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AuthorizationFilter implements ContainerRequestFilter {
  private static final Logger LOG = Logger.getLogger(AuthorizationFilter.class.getName());

  @Context ResourceInfo resource;

  @Inject CurrentCaller currentCaller;

  @Inject RoleGrants roleGrants;

  @Inject QueryTokenVerifier queryTokens;

  @Inject
  @ConfigProperty(name = "wa.security.tenant-claim", defaultValue = "tenant")
  String tenantClaim;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null || annotation(method, PublicEndpoint.class).isPresent()) {
      return;
    }
    Optional<RequiresPermission> required = annotation(method, RequiresPermission.class);
    if (required.isEmpty()) {
      LOG.severe(() -> "Refused: " + method + " declares no permission");
      request.abortWith(refuse(Response.Status.FORBIDDEN, "forbidden", "this endpoint declares no permission"));
      return;
    }
    Principal principal = request.getSecurityContext().getUserPrincipal();
    Optional<JsonWebToken> verified = principal instanceof JsonWebToken header && header.getRawToken() != null
        ? Optional.of(header) : queryToken(request, method);
    if (verified.isEmpty()) {
      request.abortWith(refuse(Response.Status.UNAUTHORIZED, "unauthenticated", "a valid bearer token is required"));
      return;
    }
    JsonWebToken token = verified.get();
    Optional<TenantId> tenant = tenantOf(token);
    if (tenant.isEmpty()) {
      request.abortWith(refuse(Response.Status.UNAUTHORIZED, "unauthenticated",
          "the token carries no valid '" + tenantClaim + "' claim"));
      return;
    }
    Caller caller = new Caller(tenant.get(), userOf(token), roleGrants.permissionsOf(token.getGroups()));
    if (!caller.may(required.get().value())) {
      request.abortWith(refuse(Response.Status.FORBIDDEN, "forbidden",
          "this needs the permission '" + required.get().value().key() + "'"));
      return;
    }
    currentCaller.set(caller);
  }

  /** For methods that allow it, a token given as {@code ?access_token=} (EventSource sets no headers). */
  private Optional<JsonWebToken> queryToken(ContainerRequestContext request, Method method) {
    String raw = request.getUriInfo().getQueryParameters().getFirst("access_token");
    if (method.getAnnotation(AcceptsQueryToken.class) == null || raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    return queryTokens.verify(raw.trim());
  }

  private Optional<TenantId> tenantOf(JsonWebToken token) {
    Object claim = token.getClaim(tenantClaim);
    String value = claim instanceof jakarta.json.JsonString json ? json.getString()
        : claim == null ? null : claim.toString();
    try {
      return Optional.ofNullable(value).map(TenantId::of);
    } catch (IllegalArgumentException invalid) {
      return Optional.empty();
    }
  }

  private static String userOf(JsonWebToken token) {
    return Optional.ofNullable(token.getName()).or(() -> Optional.ofNullable(token.getSubject())).orElse("unknown");
  }

  private <A extends java.lang.annotation.Annotation> Optional<A> annotation(Method method, Class<A> type) {
    return Optional.ofNullable(method.getAnnotation(type))
        .or(() -> Optional.ofNullable(((AnnotatedElement) resource.getResourceClass()).getAnnotation(type)));
  }

  private static Response refuse(Response.Status status, String error, String message) {
    Response.ResponseBuilder answer = Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiError(error, null, message));
    if (status == Response.Status.UNAUTHORIZED) {
      answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return answer.build();
  }
}
