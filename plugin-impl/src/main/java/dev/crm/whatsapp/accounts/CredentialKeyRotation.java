package dev.crm.whatsapp.accounts;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The second half of rotating {@code wa.accounts.encryption-keys}: at start, every credential sealed under
 * an older key is sealed again under the current (first) one, so that the old key can be dropped from the
 * list at the next restart. See docs/operations.md.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class CredentialKeyRotation {
  private static final Logger LOG = Logger.getLogger(CredentialKeyRotation.class.getName());

  @Inject AccountService service;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void resealAtStart() {
    try {
      int resealed = service.resealWithCurrentKey();
      if (resealed > 0) {
        LOG.info(() -> resealed + " sender credentials sealed again under the current key");
      }
    } catch (RuntimeException e) {
      // Another instance starting at the same time may have resealed the same rows (optimistic lock);
      // what is left is done at the next start. Never a reason to refuse to start.
      LOG.log(Level.WARNING, "Sealing credentials under the current key did not finish; retried at next start", e);
    }
  }

  /** @return how many of the accounts' credentials were sealed again */
  static int reseal(List<SenderAccount> accounts, SecretBox box) {
    int resealed = 0;
    for (SenderAccount account : accounts) {
      var sealed = account.credentials();
      if (sealed.isPresent() && box.needsRotation(sealed.get())) {
        account.seal(box.seal(box.open(sealed.get())));
        resealed++;
      }
    }
    return resealed;
  }
}
