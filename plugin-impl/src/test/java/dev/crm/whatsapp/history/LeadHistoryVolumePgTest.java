package dev.crm.whatsapp.history;

import static dev.crm.whatsapp.history.LeadMessageBuilder.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.testing.WhatsAppPersistence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import dev.crm.whatsapp.testing.PluginDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A lead with 10,000 messages (among 40,000 of other leads): the first page, a page 9,900 messages deep and
 * the summary figures stay on the index. Prints its timings and the query plan; asserts only results.
 */
class LeadHistoryVolumePgTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final LeadId BUSY = LeadId.of("busy");

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying();


  @BeforeAll
  static void fill() throws SQLException {
    try (Connection c = database.schema().dataSource().getConnection();
        PreparedStatement insert = c.prepareStatement("INSERT INTO wa_message (id, tenant_id, lead_id, direction, phone,"
            + " body, status, created_at, version) VALUES (?, 'acme', ?, ?, '+6281234567890', 'text', ?, ?, 0)")) {
      c.setAutoCommit(false);
      for (int i = 0; i < 50_000; i++) {
        insert.setString(1, UUID.nameUUIDFromBytes(("m" + i).getBytes()).toString());
        insert.setString(2, i % 5 == 0 ? BUSY.value() : "other-" + (i % 97));
        insert.setString(3, i % 3 == 0 ? "INBOUND" : "OUTBOUND");
        insert.setString(4, i % 3 == 0 ? "RECEIVED" : "DELIVERED");
        insert.setObject(5, T0.plusSeconds(i));
        insert.addBatch();
        if (i % 1000 == 999) {
          insert.executeBatch();
        }
      }
      c.commit();
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE wa_message");
      }
      c.commit();
    }
  }

  @Test
  void historyOfALeadWithTenThousandMessagesPagesFromTheIndex() throws SQLException {
    List<LeadMessage> first = timed("first page of 50", () -> page(Optional.empty()));
    assertThat(first).hasSize(50);

    Optional<HistoryCursor> deep = Optional.of(new HistoryCursor(T0.plusSeconds(500), "~"));
    List<LeadMessage> last = timed("page after 9,900 messages", () -> page(deep));
    assertThat(last).hasSize(50);

    LeadHistory.Figures figures = timed("summary figures", () ->
        database.persistence().inTransaction(em -> LeadHistory.over(em).figures(ACME, BUSY)));
    assertThat(figures.total()).isEqualTo(10_000);

    try (Connection c = database.schema().dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet plan = s.executeQuery("EXPLAIN SELECT * FROM wa_message WHERE tenant_id = 'acme' AND lead_id = 'busy'"
            + " ORDER BY created_at DESC, id DESC LIMIT 51")) {
      while (plan.next()) {
        System.out.println("[history-volume] plan: " + plan.getString(1));
      }
    }
  }

  private static List<LeadMessage> page(Optional<HistoryCursor> cursor) {
    return database.persistence().inTransaction(em -> LeadHistory.over(em).page(ACME, BUSY, HistoryFilter.none(), cursor, 50));
  }

  private static <T> T timed(String what, java.util.function.Supplier<T> work) {
    work.get(); // warm the persistence unit and the plan cache
    long start = System.nanoTime();
    int runs = 20;
    T result = null;
    for (int i = 0; i < runs; i++) {
      result = work.get();
    }
    System.out.printf("[history-volume] %s: %.2f ms per call (mean of %d)%n", what,
        (System.nanoTime() - start) / 1e6 / runs, runs);
    return result;
  }
}
