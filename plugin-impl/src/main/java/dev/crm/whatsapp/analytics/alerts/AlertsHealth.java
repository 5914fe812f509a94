package dev.crm.whatsapp.analytics.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The {@code alerts} entry of {@code /health}: {@code state} is {@code ok} or {@code degraded} with each
 * alert's reason. MicroProfile Health knows only UP and DOWN: an alert leaves the check UP (a paused
 * template should not take the instance out of a load balancer) unless {@code wa.alerts.health-down}.
 */
@Readiness
@ApplicationScoped
public class AlertsHealth implements HealthCheck {
  @Inject ActiveAlerts alerts;
  @Inject AlertSettings settings;

  @Override
  public HealthCheckResponse call() {
    Collection<Alert> current = alerts.current();
    HealthCheckResponseBuilder response = HealthCheckResponse.named("alerts")
        .status(current.isEmpty() || !settings.healthDown())
        .withData("state", current.isEmpty() ? "ok" : "degraded");
    int i = 0;
    for (Alert alert : current) {
      response.withData("reason." + (++i), alert.reason());
    }
    return response.build();
  }
}
