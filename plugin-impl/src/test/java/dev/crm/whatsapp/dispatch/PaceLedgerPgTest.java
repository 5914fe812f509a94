package dev.crm.whatsapp.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.testing.PluginDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared pacing ledger on PostgreSQL: consecutive leases never share or overlap a slot. */
class PaceLedgerPgTest {

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying("wa_sender_pace");

  private SharedPacer.Lease lease(String sender, int count, long spacingMicros) {
    return database.persistence().inTransaction(em -> PaceLedger.over(em).lease(sender, count, spacingMicros));
  }

  @Test
  void theFirstLeaseStartsAtTheDatabasesNow() {
    SharedPacer.Lease lease = lease("cloud-api:a", 10, 1_000);

    assertThat(lease.endMicros() - 10 * 1_000).isEqualTo(lease.ledgerNowMicros());
  }

  @Test
  void aLeaseTakenWhileSlotsAreAheadContinuesAfterThem() {
    SharedPacer.Lease first = lease("cloud-api:a", 50, 1_000_000); // 50 s of slots: still ahead
    SharedPacer.Lease second = lease("cloud-api:a", 5, 1_000_000);

    assertThat(second.endMicros()).isEqualTo(first.endMicros() + 5 * 1_000_000);
  }

  @Test
  void aLeaseAfterIdleSlotsStartsNowNotInThePast() throws InterruptedException {
    lease("cloud-api:a", 1, 1);
    Thread.sleep(20);

    SharedPacer.Lease later = lease("cloud-api:a", 1, 1);

    assertThat(later.endMicros() - 1).isEqualTo(later.ledgerNowMicros());
  }

  @Test
  void eachNumberHasItsOwnSlots() {
    SharedPacer.Lease a = lease("cloud-api:a", 50, 1_000_000);
    SharedPacer.Lease b = lease("cloud-api:b", 1, 1_000);

    assertThat(b.endMicros()).isLessThan(a.endMicros());
  }
}
