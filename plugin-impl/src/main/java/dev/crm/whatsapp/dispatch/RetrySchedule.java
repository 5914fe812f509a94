package dev.crm.whatsapp.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a refused message waits before its next attempt, and when it stops trying.
 *
 * @param backoff the wait after the 1st, 2nd, ... failed attempt; the last entry repeats
 * @param maxAttempts attempts in all, the first included
 */
public record RetrySchedule(List<Duration> backoff, int maxAttempts) {
  public RetrySchedule {
    Objects.requireNonNull(backoff, "backoff");
    backoff = List.copyOf(backoff);
    if (backoff.isEmpty() || backoff.stream().anyMatch(Duration::isNegative)) {
      throw new IllegalArgumentException("backoff needs at least one non-negative duration");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts is at least 1");
    }
  }

  /** Seed 004's 30 s, 60 s, 120 s, with four attempts in all. */
  public static RetrySchedule defaults() {
    return new RetrySchedule(List.of(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120)), 4);
  }

  /**
   * The wait before the next attempt after {@code failedAttempts} attempts failed under {@code rule}, or
   * empty when the message should stop (the rule ends it, or the attempts are used up).
   */
  public Optional<Duration> nextDelay(ErrorRule rule, int failedAttempts) {
    if (!rule.action().sendsAgain() || failedAttempts >= maxAttempts) {
      return Optional.empty();
    }
    Duration configured = backoff.get(Math.min(Math.max(failedAttempts, 1), backoff.size()) - 1);
    return Optional.of(configured.compareTo(rule.minimumDelay()) >= 0 ? configured : rule.minimumDelay());
  }
}
