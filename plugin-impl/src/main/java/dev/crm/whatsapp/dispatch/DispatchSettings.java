package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.platform.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The dispatch feature's configuration, read once. */
@ApplicationScoped
public class DispatchSettings {

  private final RetrySchedule retries;
  private final Duration uncertainAfter;

  @Inject
  public DispatchSettings(
      @ConfigProperty(name = "wa.dispatch.retry-backoff", defaultValue = "PT30S,PT60S,PT120S") String backoff,
      @ConfigProperty(name = "wa.dispatch.max-attempts", defaultValue = "4") int maxAttempts,
      @ConfigProperty(name = "wa.dispatch.unknown-after", defaultValue = "PT1H") String unknownAfter) {
    this.retries = new RetrySchedule(parseDurations("wa.dispatch.retry-backoff", backoff), maxAttempts);
    this.uncertainAfter = parseDurations("wa.dispatch.unknown-after", unknownAfter).get(0);
  }

  /** For CDI's proxy. */
  protected DispatchSettings() {
    this.retries = RetrySchedule.defaults();
    this.uncertainAfter = Duration.ofHours(1);
  }

  public RetrySchedule retries() {
    return retries;
  }

  /**
   * The retry schedule of message {@code messageId}: its campaign's ({@link #retriesOf(ClaimStatements.Campaign)}),
   * read through {@code sql} in the caller's transaction.
   */
  public RetrySchedule retriesOfMessage(Sql sql, String messageId) {
    return sql.query("SELECT c.id, c.status, c.retry_backoff, c.max_attempts FROM wa_message m"
            + " JOIN wa_campaign c ON c.id = m.campaign_id WHERE m.id = ?", List.of(messageId)).stream()
        .findFirst()
        .map(r -> retriesOf(new ClaimStatements.Campaign((String) r[0], (String) r[1], (String) r[2],
            r[3] == null ? null : ((Number) r[3]).intValue())))
        .orElse(retries);
  }

  /**
   * The retry schedule of a campaign's messages: the campaign's own backoff and attempts where it sets
   * them, the installation's otherwise (and for messages of no campaign, {@code campaign} null).
   */
  RetrySchedule retriesOf(ClaimStatements.Campaign campaign) {
    if (campaign == null || (campaign.retryBackoff() == null && campaign.maxAttempts() == null)) {
      return retries;
    }
    return new RetrySchedule(campaign.retryBackoff() == null ? retries.backoff()
        : parseDurations("retry backoff of campaign " + campaign.id(), campaign.retryBackoff()),
        campaign.maxAttempts() == null ? retries.maxAttempts() : campaign.maxAttempts());
  }

  /** How long a send of unknown outcome waits for a status webhook before it is marked {@code unknown}. */
  public Duration unknownAfter() {
    return uncertainAfter;
  }

  static List<Duration> parseDurations(String key, String value) {
    try {
      return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Duration::parse)
          .toList();
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(key + " must be ISO-8601 durations separated by commas, e.g. PT30S,PT60S;"
          + " got '" + value + "'", e);
    }
  }
}
