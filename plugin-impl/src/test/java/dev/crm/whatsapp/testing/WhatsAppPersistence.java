package dev.crm.whatsapp.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The plugin's persistence unit {@code whatsapp} run by EclipseLink outside the container, over a test
 * data source, with resource-local transactions standing in for JTA. Each {@link #inTransaction} gets a
 * fresh entity manager, as a container transaction would.
 */
public final class WhatsAppPersistence implements AutoCloseable {
  private final EntityManagerFactory factory;

  private WhatsAppPersistence(EntityManagerFactory factory) {
    this.factory = factory;
  }

  public static WhatsAppPersistence over(DataSource dataSource) {
    return new WhatsAppPersistence(Persistence.createEntityManagerFactory("whatsapp", Map.of(
        "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
        "jakarta.persistence.jtaDataSource", "",
        "jakarta.persistence.nonJtaDataSource", dataSource,
        "eclipselink.target-server", "None",
        "eclipselink.weaving", "false")));
  }

  /** Runs {@code work} in one committed transaction; rolls back and rethrows when it throws. */
  public <T> T inTransaction(Function<EntityManager, T> work) {
    EntityManager em = factory.createEntityManager();
    EntityTransaction transaction = em.getTransaction();
    try {
      transaction.begin();
      T result = work.apply(em);
      transaction.commit();
      return result;
    } finally {
      if (transaction.isActive()) {
        transaction.rollback();
      }
      em.close();
    }
  }

  /** Like {@link #inTransaction} for work that returns nothing. */
  public void run(Consumer<EntityManager> work) {
    inTransaction(em -> {
      work.accept(em);
      return null;
    });
  }

  @Override
  public void close() {
    factory.close();
  }
}
