package dev.crm.whatsapp.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.api.host.LeadCriteria;
import dev.crm.whatsapp.api.host.Range;
import dev.crm.whatsapp.testing.PgSchema;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Selecting leads streams them from PostgreSQL: the query runs inside a transaction (without one the
 * driver reads every row before returning the first), and the connection goes back in auto-commit.
 */
class LeadStreamingPgTest {
  @RegisterExtension static final PgSchema schema = PgSchema.withDemoHostTables();

  private final List<String> calls = new ArrayList<>();

  @Test
  void aSelectionIsReadInsideATransactionAndTheConnectionIsGivenBackAsItCame() {
    SharedDatabaseLeadDirectory directory = SharedDatabaseLeadDirectory.over(recording(schema.dataSource()),
        LeadTables.demoMapping());

    try (Stream<Lead> leads = directory.select(TenantId.of("acme"), LeadCriteria.all(), Range.ALL)) {
      assertThat(leads.count()).isEqualTo(30);
      assertThat(calls).containsSubsequence("setAutoCommit(false)", "prepareStatement");
    }

    assertThat(calls).containsSubsequence("prepareStatement", "rollback", "setAutoCommit(true)", "close");
  }

  /** A data source whose connections note the calls this test is about. */
  private DataSource recording(DataSource real) {
    return new DataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        Connection connection = real.getConnection();
        InvocationHandler noting = (proxy, method, args) -> {
          switch (method.getName()) {
            case "setAutoCommit" -> calls.add("setAutoCommit(" + args[0] + ")");
            case "prepareStatement", "rollback", "close" -> calls.add(method.getName());
            default -> { }
          }
          try {
            return method.invoke(connection, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, noting);
      }

      @Override public Connection getConnection(String user, String password) { throw new UnsupportedOperationException(); }
      @Override public PrintWriter getLogWriter() { return null; }
      @Override public void setLogWriter(PrintWriter out) { }
      @Override public void setLoginTimeout(int seconds) { }
      @Override public int getLoginTimeout() { return 0; }
      @Override public Logger getParentLogger() { return Logger.getGlobal(); }
      @Override public <T> T unwrap(Class<T> iface) { throw new UnsupportedOperationException(); }
      @Override public boolean isWrapperFor(Class<?> iface) { return false; }
    };
  }
}
