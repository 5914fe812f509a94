package dev.crm.whatsapp.analytics.alerts;

import dev.crm.whatsapp.api.events.AlertCleared;
import dev.crm.whatsapp.api.events.AlertRaised;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.logging.Logger;

/**
 * The alerts of this instance's last evaluation. Each episode is logged and fired once when it begins
 * and once when it ends, however many evaluations it lasts.
 */
@ApplicationScoped
public class ActiveAlerts {
  private static final Logger LOG = Logger.getLogger(ActiveAlerts.class.getName());

  @Inject Event<AlertRaised> raised;
  @Inject Event<AlertCleared> cleared;

  private final Episodes episodes = new Episodes();

  /** Takes the conditions that hold now: raises the new ones, clears the ended ones. */
  public synchronized void update(List<Alert> holding, Instant now) {
    Episodes.Changes changes = episodes.next(holding);
    for (Alert alert : changes.began()) {
      LOG.warning(() -> "Alert raised: " + alert.reason());
      raised.fire(new AlertRaised(alert.key(), alert.kind(), alert.tenant(), alert.reason(), now));
    }
    for (Alert alert : changes.ended()) {
      LOG.info(() -> "Alert cleared: " + alert.reason());
      cleared.fire(new AlertCleared(alert.key(), alert.kind(), now));
    }
  }

  public synchronized Collection<Alert> current() {
    return episodes.active();
  }
}
