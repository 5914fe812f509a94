package dev.crm.whatsapp.api.host;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the plugin reads the host's leads. Implementations must scope every call by {@code tenant}:
 * a lead of another tenant is reported as absent, never returned.
 *
 * <p>The plugin ships adapters for a shared database and for a host REST API; a host that embeds the
 * plugin may provide its own as an {@code @ApplicationScoped} CDI bean, which then takes precedence
 * (annotate it {@code @jakarta.enterprise.inject.Alternative @jakarta.annotation.Priority(100)}).
 */
public interface LeadDirectory {

  /** The lead with this id in this tenant, or empty when there is none. */
  Optional<Lead> find(TenantId tenant, LeadId id);

  /**
   * The leads matching {@code criteria}, in a stable order (by id), sliced by {@code range}. The caller
   * closes the stream; implementations may hold a database cursor open until then, so that audiences of
   * millions are never loaded whole.
   */
  Stream<Lead> select(TenantId tenant, LeadCriteria criteria, Range range);

  /** How many leads {@link #select} would return without a range. */
  long count(TenantId tenant, LeadCriteria criteria);
}
