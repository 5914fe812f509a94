package dev.crm.whatsapp.host;

import dev.crm.whatsapp.host.LeadTableMapping.LeadTable;
import dev.crm.whatsapp.testing.MapConfig;
import java.util.Map;

/** Test data: lead-table mappings, read through {@link LeadTableMapping} as the container would. */
public final class LeadTables {
  private LeadTables() {}

  /** The mapping of the demo host's tables: the defaults plus two attribute columns. */
  public static LeadTableMapping demoMapping() {
    return mapping(MapConfig.empty().with("wa.host.lead.attribute-columns", "email,company"));
  }

  /** The demo tables read as one host without tenants, every row belonging to {@code acme}. */
  static LeadTableMapping singleTenantMapping(String tenant) {
    return mapping(MapConfig.of(Map.of(
        "wa.host.lead.tenant-column", "none",
        "wa.host.customer.tenant-column", "none",
        "wa.host.single-tenant", tenant)));
  }

  static LeadTableMapping mapping(MapConfig config) {
    LeadTableMapping mapping = new LeadTableMapping();
    mapping.config = config;
    mapping.read();
    return mapping;
  }

  static LeadTable demo() {
    return demoMapping().leads();
  }

  static LeadTable withoutTenant() {
    return singleTenantMapping("acme").leads();
  }

  static LeadTable withoutTags() {
    return mapping(MapConfig.empty().with("wa.host.lead.tags-column", "none")).leads();
  }
}
