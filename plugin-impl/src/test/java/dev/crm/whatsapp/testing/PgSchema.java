package dev.crm.whatsapp.testing;

import dev.crm.whatsapp.platform.DatabaseMigrations;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throwaway schema {@code wa_t_<random hex>} on the test PostgreSQL (system properties
 * {@code test.pg.url} and {@code test.pg.user}), migrated exactly as the plugin migrates at start, and
 * dropped with everything in it afterwards. Register it as a static {@code @RegisterExtension} for a
 * schema per test class, or open and close it yourself (it is {@link AutoCloseable}).
 */
public final class PgSchema implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private static final SecureRandom NAMES = new SecureRandom();

  private final boolean demoHostTables;
  private String name;
  private PGSimpleDataSource dataSource;

  private PgSchema(boolean demoHostTables) {
    this.demoHostTables = demoHostTables;
  }

  /** The plugin's own tables. */
  public static PgSchema pluginTables() {
    return new PgSchema(false);
  }

  /** The plugin's tables and the demo host's {@code lead} and {@code customer} tables with their rows. */
  public static PgSchema withDemoHostTables() {
    return new PgSchema(true);
  }

  /** Creates and migrates the schema; returns this, for try-with-resources. */
  public PgSchema open() {
    byte[] random = new byte[6];
    NAMES.nextBytes(random);
    name = "wa_t_" + HexFormat.of().formatHex(random);
    execute(admin(), "CREATE SCHEMA " + name);
    dataSource = dataSourceFor(url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + name);
    DatabaseMigrations.migrate(dataSource, "classpath:db/migration", "wa_schema_history");
    if (demoHostTables) {
      DatabaseMigrations.migrate(dataSource, "classpath:db/demo", "wa_demo_schema_history");
    }
    return this;
  }

  /** Connections whose current schema is this one. */
  public DataSource dataSource() {
    if (dataSource == null) {
      throw new IllegalStateException("the schema is not open");
    }
    return dataSource;
  }

  public String name() {
    return name;
  }

  /** Runs one statement in this schema, e.g. to delete a test's rows. */
  public void execute(String sql) {
    execute(dataSource(), sql);
  }

  @Override
  public void close() {
    if (name != null) {
      execute(admin(), "DROP SCHEMA IF EXISTS " + name + " CASCADE");
      name = null;
      dataSource = null;
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    open();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  private static String url() {
    return System.getProperty("test.pg.url", DEFAULT_URL);
  }

  private static PGSimpleDataSource admin() {
    return dataSourceFor(url());
  }

  private static PGSimpleDataSource dataSourceFor(String url) {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setUrl(url);
    source.setUser(System.getProperty("test.pg.user", "postgres"));
    return source;
  }

  private static void execute(DataSource source, String sql) {
    try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("test database: " + sql + ": " + e.getMessage(), e);
    }
  }
}
