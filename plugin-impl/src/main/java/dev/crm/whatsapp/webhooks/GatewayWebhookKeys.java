package dev.crm.whatsapp.webhooks;

import dev.crm.whatsapp.accounts.SecretBox;
import dev.crm.whatsapp.accounts.SenderAccounts;
import dev.crm.whatsapp.providers.gateway.GatewayConfig;
import dev.crm.whatsapp.providers.gateway.GatewayProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** The HMAC key a gateway account's webhooks are signed with, opened from its sealed credentials. */
@ApplicationScoped
public class GatewayWebhookKeys {

  @Inject SenderAccounts accounts;
  @Inject SecretBox secrets;

  /** Empty for an unknown account, one of another provider, or one without an HMAC key. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> hmacKeyOf(String accountId) {
    return accounts.byId(accountId).filter(a -> GatewayProvider.TYPE.equals(a.provider()))
        .flatMap(a -> a.credentials()).map(secrets::open).flatMap(json -> {
          try {
            return GatewayConfig.parse(json).webhookHmacKey();
          } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
          }
        });
  }

  /** For tests outside the container. */
  static GatewayWebhookKeys over(SenderAccounts accounts, SecretBox secrets) {
    GatewayWebhookKeys keys = new GatewayWebhookKeys();
    keys.accounts = accounts;
    keys.secrets = secrets;
    return keys;
  }
}
