package dev.crm.whatsapp.accounts;

import dev.crm.whatsapp.providers.cloudapi.CloudApiProvider;
import dev.crm.whatsapp.providers.sandbox.SandboxProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Asks a number's provider whether its credentials work: empty when they do, else the problem. */
@ApplicationScoped
public class ConnectionTester {

  @Inject CloudApiProvider cloudApi;

  public Optional<String> test(String provider, String senderId, Optional<String> secret) {
    if (SandboxProvider.TYPE.equals(provider)) {
      return Optional.empty();
    }
    if (CloudApiProvider.TYPE.equals(provider)) {
      return secret.isEmpty() ? Optional.of("no access token is configured")
          : cloudApi.testConnection(senderId, secret.get());
    }
    return Optional.of("provider " + provider + " has no connection test");
  }
}
