package dev.crm.whatsapp.api.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Fired by the plugin when a condition that needs an admin begins: the error rate of the last hour, the
 * dispatch queue's depth, a sender number's health or a paused template crossed its configured threshold.
 * Fired once per episode (not again while the condition lasts); {@link AlertCleared} with the same
 * {@code key} ends it. Observe it with {@code @Observes AlertRaised} in a bean of the host that embeds
 * the plugin; it is fired synchronously from a timer, outside any request.
 *
 * @param key what the alert is about, stable for one episode, e.g. {@code sender-health:acme:1234567890}
 * @param kind {@code error-rate}, {@code queue-depth}, {@code sender-health} or {@code template-paused}
 * @param tenant the tenant concerned, when the alert concerns one tenant ({@code queue-depth} is global)
 * @param reason a sentence for people, e.g. "error rate 14 % in the last hour (threshold 10 %)"
 * @param raisedAt when the plugin noticed it
 */
public record AlertRaised(String key, String kind, String tenant, String reason, Instant raisedAt) {

  public AlertRaised {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(raisedAt, "raisedAt");
  }

  public Optional<String> tenantId() {
    return Optional.ofNullable(tenant);
  }
}
