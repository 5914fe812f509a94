package dev.crm.whatsapp.host;

import dev.crm.whatsapp.api.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Where the host keeps its leads ({@code wa.host.lead.*}) and customers ({@code wa.host.customer.*}),
 * read once at start. Without a tenant column every row belongs to {@code wa.host.single-tenant}.
 */
@ApplicationScoped
public class LeadTableMapping {

  /** The lead table and its columns; optional columns are empty when the host has no such field. */
  public record LeadTable(
      HostColumn table, HostColumn id, Optional<HostColumn> tenant, HostColumn name, HostColumn phone,
      Optional<HostColumn> status, Optional<HostColumn> source, Optional<HostColumn> priority,
      Optional<HostColumn> owner, Optional<HostColumn> created, Optional<HostColumn> timeZone,
      Optional<HostColumn> tags, List<HostColumn> attributes) {}

  /** The customer table and its columns. */
  public record CustomerTable(
      HostColumn table, HostColumn id, Optional<HostColumn> tenant, HostColumn name,
      Optional<HostColumn> phone, Optional<HostColumn> convertedFromLead, Optional<HostColumn> created) {}

  @Inject Config config;

  private LeadTable leads;
  private CustomerTable customers;
  private TenantId singleTenant;

  @jakarta.annotation.PostConstruct
  void read() {
    leads = new LeadTable(
        required("wa.host.lead.table", "lead"), required("wa.host.lead.id-column", "id"),
        optional("wa.host.lead.tenant-column", "tenant_id"), required("wa.host.lead.name-column", "name"),
        required("wa.host.lead.phone-column", "phone"), optional("wa.host.lead.status-column", "status"),
        optional("wa.host.lead.source-column", "source"), optional("wa.host.lead.priority-column", "priority"),
        optional("wa.host.lead.owner-column", "assigned_to"), optional("wa.host.lead.created-column", "created_at"),
        optional("wa.host.lead.timezone-column", "time_zone"), optional("wa.host.lead.tags-column", "tags"),
        config.getOptionalValues("wa.host.lead.attribute-columns", String.class).orElse(List.of()).stream()
            .map(HostColumn::optional).flatMap(Optional::stream).toList());
    customers = new CustomerTable(
        required("wa.host.customer.table", "customer"), required("wa.host.customer.id-column", "id"),
        optional("wa.host.customer.tenant-column", "tenant_id"), required("wa.host.customer.name-column", "name"),
        optional("wa.host.customer.phone-column", "phone"),
        optional("wa.host.customer.lead-column", "converted_from_lead_id"),
        optional("wa.host.customer.created-column", "created_at"));
    singleTenant = TenantId.of(config.getOptionalValue("wa.host.single-tenant", String.class).orElse("default"));
  }

  public LeadTable leads() {
    return leads;
  }

  public CustomerTable customers() {
    return customers;
  }

  /** The tenant of every row when the table has no tenant column. */
  public TenantId singleTenant() {
    return singleTenant;
  }

  private HostColumn required(String key, String fallback) {
    return HostColumn.optional(config.getOptionalValue(key, String.class).orElse(fallback))
        .orElseThrow(() -> new IllegalStateException(key + " cannot be 'none'"));
  }

  private Optional<HostColumn> optional(String key, String fallback) {
    return HostColumn.optional(config.getOptionalValue(key, String.class).orElse(fallback));
  }
}
