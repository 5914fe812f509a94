package dev.crm.whatsapp.analytics.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The alert thresholds (docs/analytics.md "Alerts"; defaults from the product brief). Read through methods:
 * other beans get a client proxy of this one, whose own fields are never injected (reading them directly
 * saw alerts disabled and every threshold zero).
 */
@ApplicationScoped
public class AlertSettings {
  @Inject
  @ConfigProperty(name = "wa.alerts.enabled", defaultValue = "true")
  private boolean enabled;

  /** Failed ÷ (sent + failed) over the last hour, per tenant. */
  @Inject
  @ConfigProperty(name = "wa.alerts.error-rate", defaultValue = "0.10")
  private double errorRate;

  /** Fewer outcomes than this in the hour never raise the error-rate alert (2 failures of 3 is noise). */
  @Inject
  @ConfigProperty(name = "wa.alerts.error-rate-min-messages", defaultValue = "20")
  private long errorRateMinMessages;

  @Inject
  @ConfigProperty(name = "wa.alerts.queue-depth", defaultValue = "10000")
  private long queueDepth;

  @Inject
  @ConfigProperty(name = "wa.alerts.sender-health", defaultValue = "50")
  private int senderHealth;

  @Inject
  @ConfigProperty(name = "wa.alerts.template-paused", defaultValue = "true")
  private boolean templatePaused;

  /** Whether an alert also reports the health check down (so /health answers 503), not only degraded. */
  @Inject
  @ConfigProperty(name = "wa.alerts.health-down", defaultValue = "false")
  private boolean healthDown;

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

  public boolean enabled() { return enabled; }
  public double errorRate() { return errorRate; }
  public long errorRateMinMessages() { return errorRateMinMessages; }
  public long queueDepth() { return queueDepth; }
  public int senderHealth() { return senderHealth; }
  public boolean templatePaused() { return templatePaused; }
  public boolean healthDown() { return healthDown; }
}
