package dev.crm.whatsapp.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * One row of the {@link ErrorPolicy}.
 *
 * @param code the provider's error code
 * @param meaning what the code means, stored as the reason when the message ends
 * @param action what to do
 * @param minimumDelay for actions that send again, the least wait before the next attempt; the configured
 *     backoff applies when it is longer
 */
public record ErrorRule(int code, String meaning, ErrorAction action, Duration minimumDelay) {
  public ErrorRule {
    Objects.requireNonNull(meaning, "meaning");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(minimumDelay, "minimumDelay");
  }
}
