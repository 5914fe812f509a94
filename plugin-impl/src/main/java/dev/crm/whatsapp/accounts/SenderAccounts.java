package dev.crm.whatsapp.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The repository of {@link SenderAccount}s; every lookup by id is scoped to a tenant. */
@ApplicationScoped
public class SenderAccounts {

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  /** For tests outside the container. */
  public static SenderAccounts over(EntityManager em) {
    SenderAccounts accounts = new SenderAccounts();
    accounts.em = em;
    return accounts;
  }

  public void add(SenderAccount account) {
    em.persist(account);
  }

  /**
   * Records a connection test's result. This and {@link #healthScored} write only the health columns and
   * leave the version alone: health is measured, not edited, so an admin's edit of the same number while a
   * test or the minute's refresh runs must neither fail it nor fail because of it (a whole-entity write
   * answered the connection test 500 on the version check). SQL, not JPQL: EclipseLink's bulk update raises
   * the version too. No shared cache to evict: persistence.xml turns it off.
   */
  @Transactional
  public void connectionTested(String id, boolean ok, OffsetDateTime at) {
    em.createNativeQuery("UPDATE wa_sender_account SET last_connection_ok = ?1, health_checked_at = ?2 WHERE id = ?3")
        .setParameter(1, ok).setParameter(2, at).setParameter(3, id).executeUpdate();
  }

  /** Records a recomputed health score (see {@link #connectionTested}). */
  @Transactional
  public void healthScored(String id, int score, OffsetDateTime at) {
    em.createNativeQuery("UPDATE wa_sender_account SET health_score = ?1, health_checked_at = ?2 WHERE id = ?3")
        .setParameter(1, score).setParameter(2, at).setParameter(3, id).executeUpdate();
  }

  public List<SenderAccount> ofTenant(String tenant) {
    return em.createNamedQuery("SenderAccount.ofTenant", SenderAccount.class).setParameter("tenant", tenant)
        .getResultList();
  }

  /** The tenant's account {@code id}; another tenant's id is as absent as an unknown one. */
  public Optional<SenderAccount> find(String tenant, String id) {
    return Optional.ofNullable(em.find(SenderAccount.class, id)).filter(a -> a.tenant().equals(tenant));
  }

  /** Account {@code id} of any tenant: only for callers that hold proof of the account, like a signed webhook. */
  public Optional<SenderAccount> byId(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(em.find(SenderAccount.class, id));
  }

  public Optional<SenderAccount> bySender(String provider, String senderId) {
    return em.createNamedQuery("SenderAccount.bySender", SenderAccount.class)
        .setParameter("provider", provider).setParameter("sender", senderId)
        .getResultStream().findFirst();
  }

  /** Every account of every tenant, for the periodic health refresh. */
  public List<SenderAccount> all() {
    return em.createQuery("SELECT a FROM SenderAccount a ORDER BY a.id", SenderAccount.class).getResultList();
  }

  public boolean phoneTaken(String tenant, String phoneNumber) {
    return em.createQuery("SELECT COUNT(a) FROM SenderAccount a WHERE a.tenantId = :tenant AND a.phoneNumber = :phone",
            Long.class)
        .setParameter("tenant", tenant).setParameter("phone", phoneNumber).getSingleResult() > 0;
  }
}
