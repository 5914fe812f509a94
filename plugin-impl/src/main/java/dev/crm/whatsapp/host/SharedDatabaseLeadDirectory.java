package dev.crm.whatsapp.host;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.api.host.LeadCriteria;
import dev.crm.whatsapp.api.host.LeadDirectory;
import dev.crm.whatsapp.api.host.Range;
import dev.crm.whatsapp.host.LeadTableMapping.LeadTable;
import dev.crm.whatsapp.platform.DataSources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;

/**
 * Reads leads straight from the host's table in the shared database. {@link #select} keeps its cursor
 * open while the caller consumes the stream, so an audience is never held whole in memory.
 */
@ApplicationScoped
public class SharedDatabaseLeadDirectory implements LeadDirectory {

  @Resource(lookup = DataSources.JNDI_NAME)
  DataSource dataSource;

  @Inject LeadTableMapping mapping;

  private volatile Boolean numericIds;

  /** For tests outside the container. */
  public static SharedDatabaseLeadDirectory over(DataSource dataSource, LeadTableMapping mapping) {
    SharedDatabaseLeadDirectory directory = new SharedDatabaseLeadDirectory();
    directory.dataSource = dataSource;
    directory.mapping = mapping;
    return directory;
  }

  @Override
  public Optional<Lead> find(TenantId tenant, LeadId id) {
    if (!servesTenant(tenant)) {
      return Optional.empty();
    }
    try (Stream<Lead> found = run(LeadSql.find(mapping.leads(), numericIds(), tenant, id), tenant)) {
      return found.findFirst();
    }
  }

  @Override
  public Stream<Lead> select(TenantId tenant, LeadCriteria criteria, Range range) {
    if (!servesTenant(tenant)) {
      return Stream.empty();
    }
    return run(LeadSql.select(mapping.leads(), numericIds(), tenant, criteria, range.offset(), range.limit()), tenant);
  }

  @Override
  public long count(TenantId tenant, LeadCriteria criteria) {
    if (!servesTenant(tenant)) {
      return 0;
    }
    LeadSql sql = LeadSql.count(mapping.leads(), numericIds(), tenant, criteria);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = prepare(connection, sql);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new HostDataException("counting leads", e);
    }
  }

  /**
   * Copies the leads matching {@code criteria} into run {@code run} of campaign {@code campaignId} with one
   * {@code INSERT ... SELECT} inside the database (see {@link LeadSql#snapshot}); idempotent. Runs on the
   * caller's transaction when there is one.
   *
   * @return how many recipients it added
   */
  public long copyInto(TenantId tenant, LeadCriteria criteria, int callingCode, String campaignId, int run,
      java.time.OffsetDateTime now) {
    if (!servesTenant(tenant)) {
      return 0;
    }
    try (Connection connection = dataSource.getConnection()) {
      boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
      LeadSql sql = LeadSql.snapshot(mapping.leads(), numericIds(), tenant, criteria, postgres, callingCode,
          campaignId, run, now);
      try (PreparedStatement statement = prepare(connection, sql)) {
        return statement.executeUpdate();
      }
    } catch (SQLException e) {
      throw new HostDataException("copying leads into a campaign", e);
    }
  }

  /** Without a tenant column, only the configured single tenant has leads. */
  private boolean servesTenant(TenantId tenant) {
    return mapping.leads().tenant().isPresent() || mapping.singleTenant().equals(tenant);
  }

  private Stream<Lead> run(LeadSql sql, TenantId tenant) {
    Connection connection = null;
    boolean ownTransaction = false;
    try {
      connection = dataSource.getConnection();
      // PostgreSQL honours the fetch size only inside a transaction; without one it reads every row
      // into memory before the first is returned.
      ownTransaction = connection.getAutoCommit();
      if (ownTransaction) {
        connection.setAutoCommit(false);
      }
      PreparedStatement statement = prepare(connection, sql);
      statement.setFetchSize(500);
      ResultSet rows = statement.executeQuery();
      Connection open = connection;
      boolean endTransaction = ownTransaction;
      return StreamSupport.stream(new RowSpliterator(rows, tenant), false)
          .onClose(() -> {
            closeQuietly(rows, statement);
            if (endTransaction) {
              readOnlyEnd(open);
            }
            closeQuietly(open);
          });
    } catch (SQLException e) {
      if (ownTransaction) {
        readOnlyEnd(connection);
      }
      closeQuietly(connection);
      throw new HostDataException("reading leads", e);
    }
  }

  /** Ends the read-only transaction opened for streaming, and gives the connection back as it came. */
  private static void readOnlyEnd(Connection connection) {
    try {
      connection.rollback();
      connection.setAutoCommit(true);
    } catch (SQLException ignored) {
      // The connection is closed next; the pool validates it before reuse.
    }
  }

  private boolean numericIds() {
    Boolean known = numericIds;
    if (known == null) {
      known = HostIdType.isNumeric(dataSource, mapping.leads().table(), mapping.leads().id());
      numericIds = known;
    }
    return known;
  }

  private static PreparedStatement prepare(Connection connection, LeadSql sql) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql.sql());
    for (int i = 0; i < sql.parameters().size(); i++) {
      statement.setObject(i + 1, sql.parameters().get(i));
    }
    return statement;
  }

  private static void closeQuietly(AutoCloseable... resources) {
    for (AutoCloseable resource : resources) {
      if (resource != null) {
        try {
          resource.close();
        } catch (Exception ignored) {
          // Closing after a failure: the first failure is the one reported.
        }
      }
    }
  }

  private final class RowSpliterator extends Spliterators.AbstractSpliterator<Lead> {
    private final ResultSet rows;
    private final TenantId tenant;

    RowSpliterator(ResultSet rows, TenantId tenant) {
      super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
      this.rows = rows;
      this.tenant = tenant;
    }

    @Override
    public boolean tryAdvance(Consumer<? super Lead> action) {
      try {
        if (!rows.next()) {
          return false;
        }
        action.accept(toLead(rows, tenant));
        return true;
      } catch (SQLException e) {
        throw new HostDataException("reading leads", e);
      }
    }
  }

  private Lead toLead(ResultSet row, TenantId tenant) throws SQLException {
    LeadTable table = mapping.leads();
    Map<String, String> attributes = new LinkedHashMap<>();
    for (HostColumn column : table.attributes()) {
      String value = row.getString(column.name());
      if (value != null) {
        attributes.put(column.name(), value);
      }
    }
    return new Lead(
        LeadId.of(row.getString(table.id().name())),
        tenant,
        row.getString(table.name().name()),
        row.getString(table.phone().name()),
        HostRows.text(row, table.status()),
        HostRows.text(row, table.source()),
        HostRows.text(row, table.priority()),
        HostRows.text(row, table.owner()),
        HostRows.instant(row, table.created()),
        HostRows.zone(row, table.timeZone()),
        tags(HostRows.text(row, table.tags())),
        attributes);
  }

  private static Set<String> tags(String text) {
    if (text == null || text.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(text.split(",")).map(String::trim).filter(t -> !t.isEmpty()).collect(Collectors.toSet());
  }
}
