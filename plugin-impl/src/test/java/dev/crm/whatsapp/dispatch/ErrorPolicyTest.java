package dev.crm.whatsapp.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorPolicyTest {

  /** Every code of WHATSAPP_FACTS.md's error table, with the action the facts call for. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "130429, SLOW_SENDER",
      "131056, DELAY_RECIPIENT",
      "80007, SLOW_SENDER",
      "4, SLOW_SENDER",
      "131048, PAUSE_SENDER",
      "131049, RETRY_LATER",
      "131050, RECORD_OPT_OUT",
      "131047, SEND_TEMPLATE_INSTEAD",
      "131026, NO_RETRY",
      "131053, NO_RETRY",
      "132000, NO_RETRY",
      "132001, NO_RETRY",
      "132012, NO_RETRY",
      "132018, NO_RETRY",
      "132015, PAUSE_TEMPLATE",
      "132016, PAUSE_TEMPLATE",
      "100, NO_RETRY",
      "190, PAUSE_SENDER",
      "368, PAUSE_SENDER",
      "1, RETRY_WITH_BACKOFF",
      "2, RETRY_WITH_BACKOFF",
      "131000, RETRY_WITH_BACKOFF",
      "131016, RETRY_WITH_BACKOFF",
      "131057, RETRY_LATER",
  })
  void everyDocumentedCodeHasItsAction(int code, ErrorAction expected) {
    ErrorRule rule = ErrorPolicy.forCode(code);

    assertThat(rule.code()).isEqualTo(code);
    assertThat(rule.action()).isEqualTo(expected);
    assertThat(rule.meaning()).isNotBlank().isNotEqualTo("error not in the policy table");
  }

  @Test
  void theTableHoldsExactlyTheDocumentedCodesAndTheNotSentAndGatewayCases() {
    assertThat(ErrorPolicy.rules()).extracting(ErrorRule::code).containsExactlyInAnyOrder(
        130429, 131056, 80007, 4, 131048, 131049, 131050, 131047, 131026, 131053, 132000, 132001, 132012,
        132018, 132015, 132016, 100, 190, 368, 1, 2, 131000, 131016, 131057, ErrorPolicy.NOT_SENT,
        ErrorPolicy.GATEWAY_SESSION_DOWN, ErrorPolicy.GATEWAY_AUTH);
  }

  @Test
  void aGatewaySessionDownOrRefusedKeyPausesTheNumberAndKeepsTheMessage() {
    assertThat(ErrorPolicy.forCode(ErrorPolicy.GATEWAY_SESSION_DOWN).action()).isEqualTo(ErrorAction.PAUSE_SENDER);
    assertThat(ErrorPolicy.forCode(ErrorPolicy.GATEWAY_AUTH).action()).isEqualTo(ErrorAction.PAUSE_SENDER);
  }

  @Test
  void anUnlistedCodeEndsTheMessageWithoutRetry() {
    ErrorRule rule = ErrorPolicy.forCode(999_999);

    assertThat(rule.action()).isEqualTo(ErrorAction.NO_RETRY);
    assertThat(RetrySchedule.defaults().nextDelay(rule, 1)).isEmpty();
  }

  @Test
  void aPerUserMarketingLimitWaitsAtLeastADay() {
    assertThat(RetrySchedule.defaults().nextDelay(ErrorPolicy.forCode(131049), 1)).contains(Duration.ofHours(24));
  }

  @Test
  void maintenanceWaitsMinutesNotSeconds() {
    assertThat(RetrySchedule.defaults().nextDelay(ErrorPolicy.forCode(131057), 1)).contains(Duration.ofMinutes(5));
  }

  @Test
  void opaqueProviderFaultsFollowTheConfiguredBackoffThenStop() {
    RetrySchedule schedule = RetrySchedule.defaults();
    ErrorRule rule = ErrorPolicy.forCode(131000);

    assertThat(schedule.nextDelay(rule, 1)).contains(Duration.ofSeconds(30));
    assertThat(schedule.nextDelay(rule, 2)).contains(Duration.ofSeconds(60));
    assertThat(schedule.nextDelay(rule, 3)).contains(Duration.ofSeconds(120));
    assertThat(schedule.nextDelay(rule, 4)).isEmpty();
  }

  @Test
  void theLastBackoffRepeatsWhenAttemptsOutnumberIt() {
    RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)), 6);

    assertThat(schedule.nextDelay(ErrorPolicy.forCode(2), 5)).contains(Duration.ofSeconds(4));
  }

  @Test
  void endingActionsNeverSendAgainWhateverAttemptsRemain() {
    RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(1)), 100);

    for (int code : new int[] {131050, 131047, 131026, 132015, 100}) {
      assertThat(schedule.nextDelay(ErrorPolicy.forCode(code), 1)).as("code %d", code).isEmpty();
    }
  }
}
