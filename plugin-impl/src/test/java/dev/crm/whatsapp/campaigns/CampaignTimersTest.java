package dev.crm.whatsapp.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CampaignTimersTest {

  @Test
  void aTimerIsArmedForTheFirstMillisecondNotBeforeTheRunsTimeSoItNeverFiresBeforeItIsDue() {
    assertThat(CampaignTimers.notBefore(Instant.parse("2026-03-01T09:00:00.123456Z")))
        .isEqualTo(Instant.parse("2026-03-01T09:00:00.124Z"));
    assertThat(CampaignTimers.notBefore(Instant.parse("2026-03-01T09:00:00.123Z")))
        .isEqualTo(Instant.parse("2026-03-01T09:00:00.123Z"));
  }
}
