package dev.crm.whatsapp.platform.health;

import dev.crm.whatsapp.providers.Providers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the configured default provider is available. */
@Readiness
@ApplicationScoped
public class ProviderReadiness implements HealthCheck {

  @Inject Providers providers;

  @Override
  public HealthCheckResponse call() {
    try {
      return HealthCheckResponse.named("provider").up().withData("type", providers.defaultProvider().type()).build();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named("provider").down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
