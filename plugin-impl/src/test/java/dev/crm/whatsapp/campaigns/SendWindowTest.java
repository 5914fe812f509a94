package dev.crm.whatsapp.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.whatsapp.platform.errors.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SendWindowTest {
  private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private final SendWindow daytime = SendWindow.parse("09:00", "21:00");

  @Test
  void isOpenInTheRecipientsOwnZone() {
    OffsetDateTime utcNoon = OffsetDateTime.parse("2026-03-02T05:00:00Z"); // 12:00 Jakarta, 00:00 New York
    assertThat(daytime.isOpen(utcNoon, JAKARTA)).isTrue();
    assertThat(daytime.isOpen(utcNoon, NEW_YORK)).isFalse();
  }

  @Test
  void aClosedWindowNamesWhenItOpensNext() {
    OffsetDateTime lateEvening = OffsetDateTime.parse("2026-03-02T22:30:00+07:00");
    assertThat(daytime.nextOpen(lateEvening, JAKARTA)).isEqualTo(OffsetDateTime.parse("2026-03-03T09:00:00+07:00"));
    OffsetDateTime earlyMorning = OffsetDateTime.parse("2026-03-02T06:00:00+07:00");
    assertThat(daytime.nextOpen(earlyMorning, JAKARTA)).isEqualTo(OffsetDateTime.parse("2026-03-02T09:00:00+07:00"));
  }

  @Test
  void anOpenWindowAnswersTheSameTime() {
    OffsetDateTime afternoon = OffsetDateTime.parse("2026-03-02T15:00:00+07:00");
    assertThat(daytime.nextOpen(afternoon, JAKARTA)).isEqualTo(afternoon);
  }

  @Test
  void aWindowEndingBeforeItStartsSpansMidnight() {
    SendWindow night = SendWindow.parse("22:00", "02:00");
    assertThat(night.isOpen(OffsetDateTime.parse("2026-03-02T23:30:00+07:00"), JAKARTA)).isTrue();
    assertThat(night.isOpen(OffsetDateTime.parse("2026-03-03T01:30:00+07:00"), JAKARTA)).isTrue();
    assertThat(night.isOpen(OffsetDateTime.parse("2026-03-03T12:00:00+07:00"), JAKARTA)).isFalse();
  }

  @Test
  void noWindowIsAlwaysOpen() {
    assertThat(SendWindow.parse(null, null).isOpen(OffsetDateTime.parse("2026-03-02T03:00:00Z"), JAKARTA)).isTrue();
  }

  @Test
  void aBadTimeIs400NamingTheField() {
    assertThatThrownBy(() -> SendWindow.parse("9am", "21:00"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.body().field()).isEqualTo("window.start"));
    assertThatThrownBy(() -> SendWindow.parse("09:00", null))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
  }
}
