package dev.crm.whatsapp.analytics;

import dev.crm.whatsapp.platform.errors.ApiException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The width of a timeline point: an hour (UTC) or a day (in the campaign's time zone). */
public enum TimeBucket {
  HOUR, DAY;

  /** The {@code ?bucket=} value; absent means hour. */
  public static TimeBucket parse(String text) {
    if (text == null || text.isBlank()) {
      return HOUR;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "hour" -> HOUR;
      case "day" -> DAY;
      default -> throw ApiException.invalid("bucket", "is hour or day");
    };
  }

  Instant start(Instant hour, ZoneId zone) {
    return this == HOUR ? hour : hour.atZone(zone).truncatedTo(ChronoUnit.DAYS).toInstant();
  }

  OffsetDateTime at(Instant start, ZoneId zone) {
    return this == HOUR ? start.atOffset(ZoneOffset.UTC) : start.atZone(zone).toOffsetDateTime();
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
