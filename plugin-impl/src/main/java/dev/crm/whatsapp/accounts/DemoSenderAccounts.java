package dev.crm.whatsapp.accounts;

import dev.crm.whatsapp.platform.RunMode;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.logging.Logger;

/** In demo mode, gives each demo tenant a sandbox sender number at start if it has none. */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class DemoSenderAccounts {
  private static final Logger LOG = Logger.getLogger(DemoSenderAccounts.class.getName());
  static final Map<String, String> DEMO_NUMBERS = Map.of("acme", "+6281100000001", "globex", "+6281100000002");

  @Inject AccountService service;

  // each create in its own transaction: a seed lost to another instance must not fail this one's start
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  @PostConstruct
  void seed() {
    if (!RunMode.current().isDemo()) {
      return;
    }
    DEMO_NUMBERS.forEach((tenant, phone) -> {
      if (service.list(tenant).isEmpty()) {
        try {
          service.create(tenant, new AccountRequests.Create("Demo sandbox number", phone, "sandbox",
              "sandbox-" + tenant + "-1", null, SenderAccount.DEFAULT_MPS, 1000, true));
          LOG.info(() -> "Demo tenant " + tenant + " got a sandbox sender number");
        } catch (RuntimeException lost) {
          // several instances starting at once: another one seeded it first
          if (service.list(tenant).isEmpty()) {
            throw lost;
          }
        }
      }
    });
  }
}
