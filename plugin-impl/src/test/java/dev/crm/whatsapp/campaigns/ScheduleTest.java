package dev.crm.whatsapp.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.whatsapp.platform.errors.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
  private static final OffsetDateTime MONDAY_10_UTC = OffsetDateTime.parse("2026-03-02T10:00:00Z");

  @Test
  void cronRunsAreReadInTheCampaignsZone() {
    Schedule weekdaysAtNine = new Schedule(ScheduleKind.CRON, null, "0 9 * * 1-5", JAKARTA);
    // 10:00 UTC Monday is 17:00 in Jakarta: the next 09:00 there is Tuesday's
    assertThat(weekdaysAtNine.firstRun(MONDAY_10_UTC))
        .contains(OffsetDateTime.parse("2026-03-03T09:00:00+07:00"));
    assertThat(weekdaysAtNine.runAfter(OffsetDateTime.parse("2026-03-06T09:00:00+07:00")))
        .contains(OffsetDateTime.parse("2026-03-09T09:00:00+07:00"));
  }

  @Test
  void cronStepsListsAndRangesAreUnderstood() {
    CronExpression expression = CronExpression.parse("*/15 8-9 * * *");
    assertThat(expression.nextAfter(OffsetDateTime.parse("2026-03-02T08:50:00Z"), ZoneId.of("UTC")))
        .isEqualTo(OffsetDateTime.parse("2026-03-02T09:00:00Z"));
    assertThat(CronExpression.parse("0 12 1,15 * *").nextAfter(MONDAY_10_UTC, ZoneId.of("UTC")))
        .isEqualTo(OffsetDateTime.parse("2026-03-15T12:00:00Z"));
  }

  @Test
  void aRunAtAFixedTimeHasNoRunAfterIt() {
    OffsetDateTime at = OffsetDateTime.parse("2026-03-05T09:00:00+07:00");
    Schedule once = new Schedule(ScheduleKind.AT, at, null, JAKARTA);
    assertThat(once.firstRun(MONDAY_10_UTC)).contains(at);
    assertThat(once.runAfter(at)).isEmpty();
    assertThat(Schedule.now(JAKARTA).firstRun(MONDAY_10_UTC)).isEmpty();
  }

  @Test
  void badSchedulesAre400NamingTheField() {
    assertThatThrownBy(() -> new Schedule(ScheduleKind.CRON, null, "61 * * * *", JAKARTA))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.body().field()).isEqualTo("schedule.cron"));
    assertThatThrownBy(() -> new Schedule(ScheduleKind.CRON, null, "0 9 * *", JAKARTA))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("five fields"));
    assertThatThrownBy(() -> new Schedule(ScheduleKind.AT, null, null, JAKARTA))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.body().field()).isEqualTo("schedule.at"));
  }
}
