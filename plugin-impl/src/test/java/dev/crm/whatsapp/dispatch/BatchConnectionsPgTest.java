package dev.crm.whatsapp.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.whatsapp.testing.PluginDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A batch of claims or acceptances commits whole or not at all, also on a connection the pool hands out in
 * auto-commit (what the container did, outside the caller's transaction): here a plain PostgreSQL one.
 */
class BatchConnectionsPgTest {
  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying("wa_message");

  @Test
  void aBatchThatFailsHalfwayOnAnAutoCommitConnectionLeavesNothingBehind() {
    SendClaims.Connections connections = SendClaims.Connections.enlisted(() -> database.schema().dataSource());

    assertThatThrownBy(() -> connections.run(sql -> {
      sql.update("INSERT INTO wa_message (id, tenant_id, lead_id, direction, phone, status, created_at) VALUES"
          + " ('m1', 'acme', '1', 'OUTBOUND', '+6281363053471', 'SENDING', now())", List.of());
      throw new IllegalStateException("the process died between the message and its recipient");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(count()).isZero();
    connections.run(sql -> sql.update("INSERT INTO wa_message (id, tenant_id, lead_id, direction, phone, status,"
        + " created_at) VALUES ('m2', 'acme', '1', 'OUTBOUND', '+6281363053471', 'SENT', now())", List.of()));
    assertThat(count()).isEqualTo(1);
  }

  @Test
  void setLocalHoldsForTheBatchBecauseItRunsInATransactionBlock() {
    SendClaims.Connections connections = SendClaims.Connections.enlisted(() -> database.schema().dataSource());

    String inside = connections.run(sql -> {
      sql.update("SET LOCAL synchronous_commit TO OFF", List.of());
      return (String) sql.query("SHOW synchronous_commit", List.of()).get(0)[0];
    });

    assertThat(inside).isEqualTo("off");
  }

  private long count() {
    return ((Number) database.persistence().inTransaction(em -> em.createNativeQuery(
        "SELECT COUNT(*) FROM wa_message").getSingleResult())).longValue();
  }
}
