package dev.crm.whatsapp.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The {@link SharedPacer}'s ledger on PostgreSQL: one row per sender number holding its next free slot.
 * A lease is one upsert that moves it on, under the row's lock, on the database's own clock, so every
 * instance draws from the same sequence of slots.
 */
@ApplicationScoped
public class PaceLedger implements SharedPacer.Ledger {

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  /** For tests outside the container. */
  public static PaceLedger over(EntityManager em) {
    PaceLedger ledger = new PaceLedger();
    ledger.em = em;
    return ledger;
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public SharedPacer.Lease lease(String sender, int count, long spacingMicros) {
    Object[] row = (Object[]) em.createNativeQuery("""
            WITH clock AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint AS now_us)
            INSERT INTO wa_sender_pace AS p (sender_key, next_slot_us)
            SELECT ?1, clock.now_us + ?2 FROM clock
            ON CONFLICT (sender_key) DO UPDATE
              SET next_slot_us = GREATEST(p.next_slot_us + ?2, EXCLUDED.next_slot_us)
            RETURNING p.next_slot_us, (SELECT now_us FROM clock)""")
        .setParameter(1, sender)
        .setParameter(2, count * spacingMicros)
        .getSingleResult();
    return new SharedPacer.Lease(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
  }
}
