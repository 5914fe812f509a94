package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.platform.errors.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;

/**
 * A five-field cron expression (minute hour day-of-month month day-of-week; {@code *}, lists, ranges and
 * {@code /} steps; day-of-week 0–7 with 0 and 7 Sunday). When both day fields are restricted a day matches
 * either, as in Vixie cron.
 */
public final class CronExpression {
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet days;
  private final BitSet months;
  private final BitSet weekdays;
  private final boolean daysRestricted;
  private final boolean weekdaysRestricted;

  private CronExpression(String[] f) {
    minutes = field(f[0], 0, 59, "minute");
    hours = field(f[1], 0, 23, "hour");
    days = field(f[2], 1, 31, "day of month");
    months = field(f[3], 1, 12, "month");
    weekdays = field(f[4], 0, 7, "day of week");
    if (weekdays.get(7)) {
      weekdays.set(0);
    }
    daysRestricted = !f[2].equals("*");
    weekdaysRestricted = !f[4].equals("*");
  }

  public static CronExpression parse(String text) {
    if (text == null || text.isBlank()) {
      throw ApiException.invalid("schedule.cron", "a CRON schedule needs a cron expression");
    }
    String[] fields = text.trim().split("\\s+");
    if (fields.length != 5) {
      throw ApiException.invalid("schedule.cron", "has five fields: minute hour day-of-month month day-of-week");
    }
    return new CronExpression(fields);
  }

  /** The first matching minute strictly after {@code after}, in {@code zone}. */
  public OffsetDateTime nextAfter(OffsetDateTime after, ZoneId zone) {
    ZonedDateTime t = after.atZoneSameInstant(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    ZonedDateTime limit = t.plusYears(5);
    while (t.isBefore(limit)) {
      if (!months.get(t.getMonthValue())) {
        t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
      } else if (!dayMatches(t)) {
        t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
      } else if (!hours.get(t.getHour())) {
        t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else if (!minutes.get(t.getMinute())) {
        t = t.plusMinutes(1);
      } else {
        return t.toOffsetDateTime();
      }
    }
    throw ApiException.invalid("schedule.cron", "never matches a date");
  }

  private boolean dayMatches(ZonedDateTime t) {
    boolean day = days.get(t.getDayOfMonth());
    boolean weekday = weekdays.get(t.getDayOfWeek().getValue() % 7);
    if (daysRestricted && weekdaysRestricted) {
      return day || weekday;
    }
    return day && weekday;
  }

  private static BitSet field(String text, int min, int max, String name) {
    BitSet bits = new BitSet();
    for (String part : text.split(",")) {
      try {
        int step = 1;
        String range = part;
        int slash = part.indexOf('/');
        if (slash >= 0) {
          step = Integer.parseInt(part.substring(slash + 1));
          range = part.substring(0, slash);
        }
        int from;
        int to;
        if (range.equals("*")) {
          from = min;
          to = max;
        } else if (range.contains("-")) {
          from = Integer.parseInt(range.substring(0, range.indexOf('-')));
          to = Integer.parseInt(range.substring(range.indexOf('-') + 1));
        } else {
          from = Integer.parseInt(range);
          to = slash >= 0 ? max : from;
        }
        if (from < min || to > max || from > to || step < 1) {
          throw new NumberFormatException();
        }
        for (int i = from; i <= to; i += step) {
          bits.set(i);
        }
      } catch (NumberFormatException e) {
        throw ApiException.invalid("schedule.cron", "the " + name + " field '" + part + "' is not within "
            + min + "-" + max);
      }
    }
    return bits;
  }
}
