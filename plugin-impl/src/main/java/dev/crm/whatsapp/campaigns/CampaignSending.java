package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.platform.errors.ApiException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a campaign's messages leave: from the sender number of its choice ({@code senderAccountId}, else the
 * tenant's primary or healthiest), and with its own retry backoff and attempts (else the installation's
 * {@code wa.dispatch.retry-backoff} and {@code wa.dispatch.max-attempts}). Each part may be absent.
 *
 * @param retryBackoff ISO-8601 durations separated by commas, e.g. {@code PT30S,PT60S,PT120S}
 */
public record CampaignSending(String senderAccountId, String retryBackoff, Integer maxAttempts) {

  public static final CampaignSending DEFAULT = new CampaignSending(null, null, null);

  /** A campaign message retried more than a day later reads as stale; a longer wait is more likely a typo. */
  static final Duration LONGEST_BACKOFF = Duration.ofDays(1);
  static final int MOST_ATTEMPTS = 10;

  /** As written by a caller: {@code {"senderAccountId": "...", "retry": {"backoff": ["PT30S"], "maxAttempts": 4}}}. */
  public static CampaignSending of(String senderAccountId, Retry retry) {
    String sender = senderAccountId == null || senderAccountId.isBlank() ? null : senderAccountId.trim();
    if (retry == null) {
      return new CampaignSending(sender, null, null);
    }
    if (retry.maxAttempts() != null && (retry.maxAttempts() < 1 || retry.maxAttempts() > MOST_ATTEMPTS)) {
      throw ApiException.invalid("retry.maxAttempts", "is between 1 and " + MOST_ATTEMPTS);
    }
    return new CampaignSending(sender, backoffText(retry.backoff()), retry.maxAttempts());
  }

  private static String backoffText(List<String> backoff) {
    if (backoff == null) {
      return null;
    }
    if (backoff.isEmpty() || backoff.size() > MOST_ATTEMPTS) {
      throw ApiException.invalid("retry.backoff", "is 1 to " + MOST_ATTEMPTS + " ISO-8601 durations, e.g. [\"PT30S\"]");
    }
    List<String> parsed = new ArrayList<>();
    for (int i = 0; i < backoff.size(); i++) {
      String field = "retry.backoff[" + i + "]";
      Duration wait;
      try {
        wait = Duration.parse(backoff.get(i) == null ? "" : backoff.get(i).trim());
      } catch (DateTimeParseException e) {
        throw ApiException.invalid(field, "is an ISO-8601 duration such as PT30S or PT2M");
      }
      if (wait.isNegative() || wait.compareTo(LONGEST_BACKOFF) > 0) {
        throw ApiException.invalid(field, "is between PT0S and P1D");
      }
      parsed.add(wait.toString());
    }
    return String.join(",", parsed);
  }

  /** The caller's view of the backoff: a list, or {@code null} for the installation's. */
  public Retry retry() {
    if (retryBackoff == null && maxAttempts == null) {
      return null;
    }
    return new Retry(retryBackoff == null ? null : List.of(retryBackoff.split(",")), maxAttempts);
  }

  /** A campaign's retry schedule as written: the waits between attempts and the most attempts in all. */
  public record Retry(List<String> backoff, Integer maxAttempts) {}
}
