package dev.crm.whatsapp.host;

import dev.crm.whatsapp.api.CustomerId;
import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.host.Customer;
import dev.crm.whatsapp.api.host.CustomerDirectory;
import dev.crm.whatsapp.host.LeadTableMapping.CustomerTable;
import dev.crm.whatsapp.platform.DataSources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;

/** Reads customers straight from the host's table in the shared database. */
@ApplicationScoped
public class SharedDatabaseCustomerDirectory implements CustomerDirectory {

  @Resource(lookup = DataSources.JNDI_NAME)
  DataSource dataSource;

  @Inject LeadTableMapping mapping;

  public static SharedDatabaseCustomerDirectory over(DataSource dataSource, LeadTableMapping mapping) {
    SharedDatabaseCustomerDirectory directory = new SharedDatabaseCustomerDirectory();
    directory.dataSource = dataSource;
    directory.mapping = mapping;
    return directory;
  }

  @Override
  public Optional<Customer> find(TenantId tenant, CustomerId id) {
    CustomerTable table = mapping.customers();
    return LeadSql.idValue(LeadId.of(id.value()), HostIdType.isNumeric(dataSource, table.table(), table.id()))
        .flatMap(value -> first(tenant, table.id(), value));
  }

  @Override
  public Optional<Customer> findConvertedFrom(TenantId tenant, LeadId lead) {
    CustomerTable table = mapping.customers();
    if (table.convertedFromLead().isEmpty()) {
      return Optional.empty();
    }
    HostColumn column = table.convertedFromLead().get();
    return LeadSql.idValue(lead, HostIdType.isNumeric(dataSource, table.table(), column))
        .flatMap(value -> first(tenant, column, value));
  }

  private Optional<Customer> first(TenantId tenant, HostColumn column, Object value) {
    CustomerTable table = mapping.customers();
    if (table.tenant().isEmpty() && !mapping.singleTenant().equals(tenant)) {
      return Optional.empty();
    }
    List<Object> parameters = new ArrayList<>(List.of(value));
    String where = " WHERE " + column.sql() + " = ?";
    if (table.tenant().isPresent()) {
      where += " AND " + table.tenant().get().sql() + " = ?";
      parameters.add(tenant.value());
    }
    String columns = Stream.of(Optional.of(table.id()), Optional.of(table.name()), table.phone(),
            table.convertedFromLead(), table.created())
        .flatMap(Optional::stream).map(HostColumn::sql).collect(Collectors.joining(", "));
    String sql = "SELECT " + columns + " FROM " + table.table().sql() + where + " ORDER BY " + table.id().sql();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        String lead = HostRows.text(row, table.convertedFromLead());
        return Optional.of(new Customer(
            CustomerId.of(row.getString(table.id().name())), tenant, row.getString(table.name().name()),
            HostRows.text(row, table.phone()), lead == null ? null : LeadId.of(lead),
            HostRows.instant(row, table.created())));
      }
    } catch (SQLException e) {
      throw new HostDataException("reading customers", e);
    }
  }
}
