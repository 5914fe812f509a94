package dev.crm.whatsapp.accounts;

import dev.crm.whatsapp.providers.SenderCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A sender's secret: its account's credentials, opened for the call; for the configured default sender
 * of an installation without accounts, {@code wa.cloudapi.access-token}.
 */
@ApplicationScoped
public class AccountCredentials implements SenderCredentials {

  @Inject SenderAccounts accounts;
  @Inject SecretBox secrets;

  @Inject
  @ConfigProperty(name = "wa.provider.sender-id", defaultValue = "sandbox-number-1")
  String defaultSenderId;

  @Inject
  @ConfigProperty(name = "wa.cloudapi.access-token")
  Optional<String> defaultAccessToken;

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> secretOf(String providerType, String senderId) {
    Optional<SenderAccount> account = accounts.bySender(providerType, senderId);
    if (account.isPresent()) {
      return account.get().credentials().map(secrets::open);
    }
    return defaultSenderId.equals(senderId) ? defaultAccessToken.filter(t -> !t.isBlank()) : Optional.empty();
  }
}
