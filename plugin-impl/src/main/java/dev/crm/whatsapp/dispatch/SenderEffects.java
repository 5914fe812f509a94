package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.accounts.AccountService;
import dev.crm.whatsapp.accounts.SenderRouter;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.providers.Providers.Route;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** What the error policy does to a sender number: pausing it, so that sends fail over to another. */
@ApplicationScoped
public class SenderEffects {

  @Inject AccountService accounts;
  @Inject SenderRouter router;

  public void pause(TenantId tenant, Route route, String reason) {
    if (route.accountId() == null) {
      return; // the configured default sender has no account to pause; its sends keep being refused
    }
    accounts.pause(route.provider().type(), route.senderId(), reason);
    router.forget(tenant.value());
  }
}
