package dev.crm.whatsapp.conversion;

import dev.crm.whatsapp.api.CustomerId;
import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.host.LeadTableMapping;
import dev.crm.whatsapp.host.LeadTableMapping.CustomerTable;
import dev.crm.whatsapp.platform.DataSources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Shared-database mode: finds customers whose converted-from-lead column is set and whose conversion is
 * not on file yet (one anti-join in the shared database), and records them. The creation time of the
 * customer is taken as the conversion time.
 */
@ApplicationScoped
public class HostConversionScan {
  static final int BATCH = 500;

  /** One customer row of the host that names its lead. */
  record Found(TenantId tenant, LeadId lead, CustomerId customer, OffsetDateTime convertedAt) {}

  @Resource(lookup = DataSources.JNDI_NAME)
  DataSource dataSource;

  @Inject LeadTableMapping mapping;
  @Inject Conversions conversions;
  @Inject Clock clock;

  public static HostConversionScan over(DataSource dataSource, LeadTableMapping mapping, Conversions conversions,
      Clock clock) {
    HostConversionScan scan = new HostConversionScan();
    scan.dataSource = dataSource;
    scan.mapping = mapping;
    scan.conversions = conversions;
    scan.clock = clock;
    return scan;
  }

  /** Records one batch of new conversions; returns how many. */
  @Transactional
  public int scanOnce() {
    List<Found> found = unrecorded();
    found.forEach(f -> conversions.record(f.tenant(), f.lead(), f.customer(), f.convertedAt(), Conversion.Source.SCAN));
    return found.size();
  }

  List<Found> unrecorded() {
    CustomerTable table = mapping.customers();
    if (table.convertedFromLead().isEmpty()) {
      return List.of();
    }
    String id = "c." + table.id().sql();
    String lead = "c." + table.convertedFromLead().get().sql();
    String tenant = table.tenant().map(t -> "c." + t.sql()).orElse("?");
    String created = table.created().map(c -> "c." + c.sql()).orElse("NULL");
    String sql = "SELECT CAST(" + id + " AS VARCHAR(128)), CAST(" + lead + " AS VARCHAR(128)), " + tenant + ", " + created
        + " FROM " + table.table().sql() + " c WHERE " + lead + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM"
        + " wa_conversion w WHERE w.tenant_id = " + tenant + " AND w.customer_id = CAST(" + id + " AS VARCHAR(128)))"
        + " ORDER BY " + id + " LIMIT " + BATCH;
    List<Found> found = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      if (table.tenant().isEmpty()) {
        // the single tenant appears twice: selected, and in the anti-join
        statement.setString(1, mapping.singleTenant().value());
        statement.setString(2, mapping.singleTenant().value());
      }
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          Timestamp at = row.getTimestamp(4);
          found.add(new Found(TenantId.of(row.getString(3)), LeadId.of(row.getString(2)), CustomerId.of(row.getString(1)),
              at == null ? OffsetDateTime.now(clock) : at.toInstant().atOffset(ZoneOffset.UTC)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("scanning the host's customers for conversions failed: " + e.getMessage(), e);
    }
    return found;
  }

}
