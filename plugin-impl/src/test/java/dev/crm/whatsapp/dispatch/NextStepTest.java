package dev.crm.whatsapp.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.api.provider.SendOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NextStepTest {
  private final RetrySchedule schedule = RetrySchedule.defaults();

  @Test
  void anAcceptedSendRecordsTheProvidersId() {
    assertThat(NextStep.after(new SendOutcome.Accepted("wamid.X"), 1, schedule))
        .isEqualTo(new NextStep.RecordAccepted("wamid.X"));
  }

  @Test
  void anUncertainSendWaitsForItsWebhookAndIsNeverSentAgain() {
    assertThat(NextStep.after(new SendOutcome.Uncertain("read timed out"), 1, schedule))
        .isInstanceOf(NextStep.AwaitWebhook.class);
  }

  @Test
  void aRefusalWithoutProofOfNotProcessingIsTreatedAsUncertain() {
    assertThat(NextStep.after(new SendOutcome.Rejected(131000, "Something went wrong", false), 1, schedule))
        .isInstanceOf(NextStep.AwaitWebhook.class);
  }

  @Test
  void aSendThatNeverLeftIsQueuedAgainAfterTheFirstBackoff() {
    NextStep step = NextStep.after(new SendOutcome.NotSent("connection refused"), 1, schedule);

    assertThat(step).isInstanceOf(NextStep.SendAgain.class);
    assertThat(((NextStep.SendAgain) step).delay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(((NextStep.SendAgain) step).code()).isNull();
  }

  @Test
  void aTransientProviderErrorIsQueuedAgainWithItsCode() {
    NextStep step = NextStep.after(new SendOutcome.Rejected(131016, "Service unavailable", true), 2, schedule);

    assertThat(step).isInstanceOf(NextStep.SendAgain.class);
    NextStep.SendAgain again = (NextStep.SendAgain) step;
    assertThat(again.delay()).isEqualTo(Duration.ofSeconds(60));
    assertThat(again.code()).isEqualTo(131016);
    assertThat(again.reason()).contains("131016");
  }

  @Test
  void aTransientErrorOnTheLastAttemptFailsTheMessageSayingItGaveUp() {
    NextStep step = NextStep.after(new SendOutcome.Rejected(131016, "Service unavailable", true), 4, schedule);

    assertThat(step).isInstanceOf(NextStep.End.class);
    NextStep.End end = (NextStep.End) step;
    assertThat(end.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(end.code()).isEqualTo(131016);
    assertThat(end.reason()).contains("gave up after 4 attempts");
  }

  @Test
  void anUndeliverableRecipientFailsAtOnceWithCodeAndReason() {
    NextStep step = NextStep.after(new SendOutcome.Rejected(131026, "Message undeliverable", true), 1, schedule);

    assertThat(step).isInstanceOf(NextStep.End.class);
    NextStep.End end = (NextStep.End) step;
    assertThat(end.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(end.code()).isEqualTo(131026);
    assertThat(end.reason()).contains("Message undeliverable").contains("undeliverable");
  }

  @Test
  void aStoppedMarketingUserEndsOptedOut() {
    NextStep step = NextStep.after(new SendOutcome.Rejected(131050, "User stopped marketing", true), 1, schedule);

    assertThat(((NextStep.End) step).status()).isEqualTo(MessageStatus.OPTED_OUT);
  }

  @Test
  void aPairRateLimitDelaysOnlyThisRecipientByAtLeastAMinute() {
    NextStep step = NextStep.after(new SendOutcome.Rejected(131056, "Pair rate limit", true), 1, schedule);

    NextStep.SendAgain again = (NextStep.SendAgain) step;
    assertThat(again.rule().action()).isEqualTo(ErrorAction.DELAY_RECIPIENT);
    assertThat(again.delay()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void aThroughputErrorSlowsTheSenderAndSendsAgain() {
    NextStep step = NextStep.after(new SendOutcome.Rejected(130429, "Rate limit hit", true), 1, schedule);

    assertThat(((NextStep.SendAgain) step).rule().action()).isEqualTo(ErrorAction.SLOW_SENDER);
  }
}
