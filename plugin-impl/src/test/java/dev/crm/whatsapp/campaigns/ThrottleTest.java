package dev.crm.whatsapp.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class ThrottleTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T10:00:00Z");

  @Test
  void fiveSecondsOfAHundredPerMinuteAllowEight() {
    assertThat(Throttle.allowance(T0, T0.plusSeconds(5), 100)).isEqualTo(8);
  }

  @Test
  void fractionsAreCarriedSoAMinuteGivesTheFullThrottle() {
    OffsetDateTime base = T0;
    int made = 0;
    for (int tick = 1; tick <= 12; tick++) {
      OffsetDateTime now = T0.plusSeconds(5L * tick);
      int allowed = Throttle.allowance(Throttle.base(base, now), now, 100);
      base = Throttle.spent(Throttle.base(base, now), allowed, 100);
      made += allowed;
    }
    assertThat(made).isEqualTo(100);
  }

  @Test
  void aLongWaitSavesUpAtMostOneMinute() {
    OffsetDateTime now = T0.plusHours(3);
    assertThat(Throttle.allowance(Throttle.base(T0, now), now, 100)).isEqualTo(100);
  }

  @Test
  void aNewRunWaitsForItsFirstAllowance() {
    assertThat(Throttle.allowance(T0, T0, 100)).isZero();
    assertThat(Throttle.allowance(T0, T0.plusSeconds(5), 1)).isZero();
  }
}
