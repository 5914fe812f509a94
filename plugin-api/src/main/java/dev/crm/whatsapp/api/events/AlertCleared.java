package dev.crm.whatsapp.api.events;

import java.time.Instant;
import java.util.Objects;

/**
 * Fired by the plugin when the condition of an {@link AlertRaised} with the same {@code key} no longer
 * holds.
 *
 * @param key the key of the alert that ended
 * @param kind its kind
 * @param clearedAt when the plugin noticed
 */
public record AlertCleared(String key, String kind, Instant clearedAt) {

  public AlertCleared {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(clearedAt, "clearedAt");
  }
}
