package dev.crm.whatsapp.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the plugin's tables up to date before anything else runs, and in demo mode creates the demo
 * host's {@code lead} and {@code customer} tables. Both histories are kept apart so that the plugin's
 * migrations never depend on the demo's. Baselining at version 0 lets the plugin migrate inside a host
 * database that already holds the host's own tables.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigrations {
  private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

  @Resource(lookup = DataSources.JNDI_NAME)
  DataSource dataSource;

  // Not named migrate: the container looks lifecycle methods up by name, and the static migrate below
  // made that lookup pick either one.
  @PostConstruct
  void migrateAtStart() {
    int applied = migrate(dataSource, "classpath:db/migration", "wa_schema_history");
    LOG.info(() -> "Plugin schema up to date (" + applied + " migrations applied now)");
    if (RunMode.current().isDemo()) {
      migrate(dataSource, "classpath:db/demo", "wa_demo_schema_history");
      LOG.info("Demo host tables 'lead' and 'customer' ready");
    }
  }

  /** Runs one set of migrations; public for persistence tests that set up a database the same way. */
  public static int migrate(DataSource dataSource, String location, String historyTable) {
    return Flyway.configure(DatabaseMigrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(location)
        .table(historyTable)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
