package dev.crm.whatsapp.campaigns;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A campaign's messages-per-minute as a token bucket kept in one timestamp ({@code last_fed_at}): the time
 * up to which the allowance has been spent. At most one minute's worth is ever saved up, so a campaign
 * that waited (paused, outside its window) does not burst beyond its throttle.
 */
final class Throttle {
  private Throttle() {}

  /** Where the bucket stands now: never more than a minute behind. */
  static OffsetDateTime base(OffsetDateTime lastFed, OffsetDateTime now) {
    OffsetDateTime floor = now.minusMinutes(1);
    return lastFed == null || lastFed.isBefore(floor) ? floor : lastFed;
  }

  /** How many messages may be made now. */
  static int allowance(OffsetDateTime base, OffsetDateTime now, int perMinute) {
    long millis = Math.max(0, Duration.between(base, now).toMillis());
    return (int) Math.min(perMinute, millis * perMinute / 60_000);
  }

  /** The bucket after {@code made} messages: fractions are kept, so 100/min gives 100 a minute, not 96. */
  static OffsetDateTime spent(OffsetDateTime base, int made, int perMinute) {
    return base.plus(Duration.ofMillis(made * 60_000L / perMinute));
  }
}
