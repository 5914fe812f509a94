package dev.crm.whatsapp.security;

import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.security.Permission;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller of one request.
 *
 * @param tenant the tenant every query of this request is scoped to
 * @param user the host's user name (JWT {@code upn}, else {@code sub})
 * @param permissions what the caller's groups grant
 */
public record Caller(TenantId tenant, String user, Set<Permission> permissions) {
  public Caller {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(user, "user");
    permissions = Set.copyOf(permissions);
  }

  public boolean may(Permission permission) {
    return permissions.contains(permission);
  }
}
