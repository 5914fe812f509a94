package dev.crm.whatsapp.testing;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The plugin's tables in a fresh PostgreSQL schema with the persistence unit open on them, for one test
 * class: {@code @RegisterExtension static final PluginDatabase database = PluginDatabase.emptying("wa_message");}.
 * The named tables are emptied after every test, so each test sees only what it wrote.
 */
public final class PluginDatabase implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
  private final PgSchema schema;
  private final List<String> tablesToEmpty;
  private WhatsAppPersistence persistence;

  private PluginDatabase(PgSchema schema, List<String> tablesToEmpty) {
    this.schema = schema;
    this.tablesToEmpty = List.copyOf(tablesToEmpty);
  }

  /** Empties these tables, in this order, after every test. */
  public static PluginDatabase emptying(String... tables) {
    return new PluginDatabase(PgSchema.pluginTables(), List.of(tables));
  }

  /** With the demo host's lead and customer tables beside the plugin's; empties these after every test. */
  public static PluginDatabase withDemoHostTablesEmptying(String... tables) {
    return new PluginDatabase(PgSchema.withDemoHostTables(), List.of(tables));
  }

  public WhatsAppPersistence persistence() {
    return persistence;
  }

  public PgSchema schema() {
    return schema;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    schema.open();
    persistence = WhatsAppPersistence.over(schema.dataSource());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    tablesToEmpty.forEach(table -> schema.execute("DELETE FROM " + table));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      persistence.close();
    } finally {
      schema.close();
    }
  }
}
