package dev.crm.whatsapp.accounts;

import dev.crm.whatsapp.providers.SenderCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A sender's secret: its account's credentials, opened for the call; for the configured default sender
 * of an installation without accounts, {@code wa.cloudapi.access-token}. An opened secret is kept in
 * memory for {@link SenderRouter#FRESHNESS}, like the router's view of the accounts: reading and
 * decrypting it for every send was a query and an AES-GCM open per message (docs/architecture.md,
 * "Dispatch throughput"); a replaced credential is used within that time.
 */
@ApplicationScoped
public class AccountCredentials implements SenderCredentials {

  private record Opened(Optional<String> secret, Instant readAt) {}

  @Inject SenderAccounts accounts;
  @Inject SecretBox secrets;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "wa.provider.sender-id", defaultValue = "sandbox-number-1")
  String defaultSenderId;

  @Inject
  @ConfigProperty(name = "wa.cloudapi.access-token")
  Optional<String> defaultAccessToken;

  private final Map<String, Opened> opened = new ConcurrentHashMap<>();

  @Override
  public Optional<String> secretOf(String providerType, String senderId) {
    String key = providerType + ":" + senderId;
    Instant now = clock.instant();
    Opened known = opened.get(key);
    if (known != null && !known.readAt().plus(SenderRouter.FRESHNESS).isBefore(now)) {
      return known.secret();
    }
    Optional<String> secret = read(providerType, senderId);
    opened.put(key, new Opened(secret, now));
    return secret;
  }

  private Optional<String> read(String providerType, String senderId) {
    Optional<SenderAccount> account = accounts.bySender(providerType, senderId);
    if (account.isPresent()) {
      return account.get().credentials().map(secrets::open);
    }
    return defaultSenderId.equals(senderId) ? defaultAccessToken.filter(t -> !t.isBlank()) : Optional.empty();
  }
}
