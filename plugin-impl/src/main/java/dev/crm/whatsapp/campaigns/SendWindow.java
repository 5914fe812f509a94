package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.platform.errors.ApiException;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The daily hours in which messages may be created, in the recipient's time zone (the lead's when known,
 * else the campaign's). A window whose end is before its start spans midnight. No window: any time.
 */
public record SendWindow(LocalTime start, LocalTime end) {

  public static final SendWindow ALWAYS = new SendWindow(null, null);

  public static SendWindow parse(String start, String end) {
    if ((start == null) != (end == null)) {
      throw ApiException.invalid("window", "a send window has both start and end, or neither");
    }
    if (start == null) {
      return ALWAYS;
    }
    return new SendWindow(time("window.start", start), time("window.end", end));
  }

  private static LocalTime time(String field, String text) {
    try {
      return LocalTime.parse(text).truncatedTo(ChronoUnit.MINUTES);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(field, "is a time of day as HH:mm, e.g. 09:00");
    }
  }

  public boolean always() {
    return start == null || start.equals(end);
  }

  public boolean isOpen(OffsetDateTime at, ZoneId zone) {
    if (always()) {
      return true;
    }
    LocalTime local = at.atZoneSameInstant(zone).toLocalTime();
    return start.isBefore(end)
        ? !local.isBefore(start) && local.isBefore(end)
        : !local.isBefore(start) || local.isBefore(end);
  }

  /** {@code at} when the window is open then, else when it next opens. */
  public OffsetDateTime nextOpen(OffsetDateTime at, ZoneId zone) {
    if (isOpen(at, zone)) {
      return at;
    }
    ZonedDateTime local = at.atZoneSameInstant(zone);
    ZonedDateTime opening = local.toLocalDate().atTime(start).atZone(zone);
    if (!opening.isAfter(local)) {
      opening = opening.plusDays(1);
    }
    return opening.toOffsetDateTime();
  }

  public String startText() {
    return start == null ? null : start.toString();
  }

  public String endText() {
    return end == null ? null : end.toString();
  }
}
