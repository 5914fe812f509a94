package dev.crm.whatsapp.accounts;

import dev.crm.whatsapp.providers.cloudapi.CloudApiProvider;
import dev.crm.whatsapp.providers.gateway.GatewayConfig;
import dev.crm.whatsapp.providers.gateway.GatewayProvider;
import dev.crm.whatsapp.providers.gateway.GatewaySessions;
import dev.crm.whatsapp.providers.sandbox.SandboxProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Asks a number's provider whether its credentials work: empty when they do, else the problem. */
@ApplicationScoped
public class ConnectionTester {

  @Inject CloudApiProvider cloudApi;
  @Inject GatewaySessions gatewaySessions;

  public Optional<String> test(String provider, String senderId, Optional<String> secret) {
    if (SandboxProvider.TYPE.equals(provider)) {
      return Optional.empty();
    }
    if (CloudApiProvider.TYPE.equals(provider)) {
      return secret.isEmpty() ? Optional.of("no access token is configured")
          : cloudApi.testConnection(senderId, secret.get());
    }
    if (GatewayProvider.TYPE.equals(provider)) {
      return secret.isEmpty() ? Optional.of("no gateway is configured") : testGateway(secret.get());
    }
    return Optional.of("provider " + provider + " has no connection test");
  }

  /** A gateway works when its session is WORKING (linked to a phone and connected). */
  private Optional<String> testGateway(String credentials) {
    GatewaySessions.State state = gatewaySessions.state(GatewayConfig.parse(credentials));
    if (state.problem() != null) {
      return Optional.of(state.problem());
    }
    return state.working() ? Optional.empty()
        : Optional.of("the gateway session is " + state.status() + ", not WORKING");
  }
}
