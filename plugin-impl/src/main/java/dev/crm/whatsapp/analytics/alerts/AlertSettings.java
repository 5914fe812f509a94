package dev.crm.whatsapp.analytics.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The alert thresholds (docs/analytics.md "Alerts"; defaults from the product brief). */
@ApplicationScoped
public class AlertSettings {
  @Inject
  @ConfigProperty(name = "wa.alerts.enabled", defaultValue = "true")
  boolean enabled;

  /** Failed ÷ (sent + failed) over the current and previous clock hour, per tenant. */
  @Inject
  @ConfigProperty(name = "wa.alerts.error-rate", defaultValue = "0.10")
  double errorRate;

  /** Fewer outcomes than this in the hour never raise the error-rate alert (2 failures of 3 is noise). */
  @Inject
  @ConfigProperty(name = "wa.alerts.error-rate-min-messages", defaultValue = "20")
  long errorRateMinMessages;

  @Inject
  @ConfigProperty(name = "wa.alerts.queue-depth", defaultValue = "10000")
  long queueDepth;

  @Inject
  @ConfigProperty(name = "wa.alerts.sender-health", defaultValue = "50")
  int senderHealth;

  @Inject
  @ConfigProperty(name = "wa.alerts.template-paused", defaultValue = "true")
  boolean templatePaused;

  /** Whether an alert also reports the health check down (so /health answers 503), not only degraded. */
  @Inject
  @ConfigProperty(name = "wa.alerts.health-down", defaultValue = "false")
  boolean healthDown;

  public static AlertSettings of(double errorRate, long errorRateMinMessages, long queueDepth, int senderHealth,
      boolean templatePaused) {
    AlertSettings settings = new AlertSettings();
    settings.enabled = true;
    settings.errorRate = errorRate;
    settings.errorRateMinMessages = errorRateMinMessages;
    settings.queueDepth = queueDepth;
    settings.senderHealth = senderHealth;
    settings.templatePaused = templatePaused;
    return settings;
  }
}
