package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.platform.errors.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * When a campaign runs.
 *
 * @param at for {@code AT}: the instant (given with its offset)
 * @param cron for {@code CRON}: five fields (minute hour day-of-month month day-of-week) in {@code zone}
 * @param zone the campaign's time zone: for cron, and for send windows of leads without their own
 */
public record Schedule(ScheduleKind kind, OffsetDateTime at, String cron, ZoneId zone) {

  public Schedule {
    Objects.requireNonNull(kind, "kind");
    zone = zone == null ? ZoneId.of("UTC") : zone;
    if (kind == ScheduleKind.AT && at == null) {
      throw ApiException.invalid("schedule.at", "an AT schedule needs a date-time with its offset");
    }
    if (kind == ScheduleKind.CRON) {
      CronExpression.parse(cron);
    }
  }

  public static Schedule now(ZoneId zone) {
    return new Schedule(ScheduleKind.NOW, null, null, zone);
  }

  /** The first run at or after {@code now}; empty for {@code NOW} (it runs at launch). */
  public Optional<OffsetDateTime> firstRun(OffsetDateTime now) {
    switch (kind) {
      case AT:
        return Optional.of(at);
      case CRON:
        return Optional.of(CronExpression.parse(cron).nextAfter(now.minusMinutes(1), zone));
      default:
        return Optional.empty();
    }
  }

  /** The run after one at {@code previous}; empty unless recurring. */
  public Optional<OffsetDateTime> runAfter(OffsetDateTime previous) {
    return kind == ScheduleKind.CRON
        ? Optional.of(CronExpression.parse(cron).nextAfter(previous, zone))
        : Optional.empty();
  }
}
