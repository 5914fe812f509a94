package dev.crm.whatsapp.analytics.alerts;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Evaluates the alert conditions every 30 seconds. */
@Singleton
@DependsOn("DatabaseMigrations") // no tick before the tables exist
public class AlertTimer {
  private static final Logger LOG = Logger.getLogger(AlertTimer.class.getName());

  @Inject AlertSettings settings;
  @Inject AlertConditions conditions;
  @Inject ActiveAlerts alerts;
  @Inject Clock clock;

  @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
  void evaluate() {
    if (!settings.enabled()) {
      return;
    }
    try {
      OffsetDateTime now = OffsetDateTime.now(clock);
      alerts.update(conditions.holdingAt(now), now.toInstant());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Alert evaluation failed; the previous alerts stand", e);
    }
  }
}
