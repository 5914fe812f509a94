package dev.crm.whatsapp.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The error policy applied to failed status webhooks: which codes send the message again, and when. */
class FailedDeliveryTest {
  private static final RetrySchedule SCHEDULE =
      new RetrySchedule(List.of(Duration.ofSeconds(30), Duration.ofSeconds(60)), 3);

  @Test
  void anUndeliverableRecipientEndsWithoutAResend() {
    FailedDelivery.Decision decision = FailedDelivery.after(131026, "Message undeliverable", 1, SCHEDULE);

    assertThat(decision.resendAfter()).isEmpty();
    assertThat(decision.reason()).isEqualTo(
        "(#131026) Message undeliverable: undeliverable: not on WhatsApp or unsupported app");
  }

  @Test
  void outsideTheWindowEndsWithTheNoteToSendATemplate() {
    FailedDelivery.Decision decision = FailedDelivery.after(131047, "Re-engagement message", 1, SCHEDULE);

    assertThat(decision.resendAfter()).isEmpty();
    assertThat(decision.reason()).contains("send a template instead");
  }

  @Test
  void aTransientProviderErrorIsSentAgainAfterTheBackoff() {
    assertThat(FailedDelivery.after(131000, "Something went wrong", 1, SCHEDULE).resendAfter())
        .contains(Duration.ofSeconds(30));
    assertThat(FailedDelivery.after(131000, "Something went wrong", 2, SCHEDULE).resendAfter())
        .contains(Duration.ofSeconds(60));
  }

  @Test
  void theMarketingLimitWaitsAtLeastADay() {
    assertThat(FailedDelivery.after(131049, "limit", 1, SCHEDULE).resendAfter()).contains(Duration.ofHours(24));
  }

  @Test
  void attemptsUsedUpEndTheMessageAndSaySo() {
    FailedDelivery.Decision decision = FailedDelivery.after(131000, "Something went wrong", 3, SCHEDULE);

    assertThat(decision.resendAfter()).isEmpty();
    assertThat(decision.reason()).endsWith("(gave up after 3 attempts)");
  }

  @Test
  void optOutsAndSenderProblemsAreNotResentFromAWebhook() {
    assertThat(FailedDelivery.after(131050, "stopped", 1, SCHEDULE).resendAfter()).isEmpty();
    assertThat(FailedDelivery.after(131048, "spam", 1, SCHEDULE).resendAfter()).isEmpty();
  }
}
