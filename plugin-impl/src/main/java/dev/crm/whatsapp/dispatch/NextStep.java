package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.api.provider.SendOutcome;
import java.time.Duration;

/**
 * What the dispatcher does with a message after one attempt: the error policy applied to a provider's
 * answer. Pure, so every branch is tested without a container.
 */
public sealed interface NextStep {

  /** The provider took it: record its id and {@code sent}. */
  record RecordAccepted(String providerMessageId) implements NextStep {}

  /** Nobody knows if it left: it stays {@code sending} until a webhook (or the unknown sweeper) ends it. */
  record AwaitWebhook(String reason) implements NextStep {}

  /** Queue it again after {@code delay}; {@code rule} says why, and may slow or pause the sender. */
  record SendAgain(Duration delay, ErrorRule rule, Integer code, String reason) implements NextStep {}

  /** End it in {@code status} ({@code failed} or {@code opted_out}). */
  record End(MessageStatus status, ErrorRule rule, Integer code, String reason) implements NextStep {}

  /**
   * Decides the next step for attempt number {@code attempt} (from 1) that ended in {@code outcome}.
   * Only a refusal that proves the message was not processed, or a send that never reached the provider,
   * may lead to another attempt.
   */
  static NextStep after(SendOutcome outcome, int attempt, RetrySchedule schedule) {
    if (outcome instanceof SendOutcome.Accepted accepted) {
      return new RecordAccepted(accepted.providerMessageId());
    }
    if (outcome instanceof SendOutcome.Uncertain uncertain) {
      return new AwaitWebhook(uncertain.reason());
    }
    if (outcome instanceof SendOutcome.NotSent notSent) {
      return refused(ErrorPolicy.forCode(ErrorPolicy.NOT_SENT), null, notSent.reason(), attempt, schedule);
    }
    SendOutcome.Rejected rejected = (SendOutcome.Rejected) outcome;
    if (!rejected.notProcessed()) {
      return new AwaitWebhook("provider error " + rejected.code() + " without proof the message was not sent");
    }
    ErrorRule rule = ErrorPolicy.forCode(rejected.code());
    String title = rejected.title().startsWith("(#") ? rejected.title() : "(#" + rejected.code() + ") " + rejected.title();
    return refused(rule, rejected.code(), title, attempt, schedule);
  }

  private static NextStep refused(ErrorRule rule, Integer code, String reason, int attempt, RetrySchedule schedule) {
    return schedule.nextDelay(rule, attempt)
        .<NextStep>map(delay -> new SendAgain(delay, rule, code, reason))
        .orElseGet(() -> new End(
            rule.action() == ErrorAction.RECORD_OPT_OUT ? MessageStatus.OPTED_OUT : MessageStatus.FAILED,
            rule, code, endReason(rule, reason, attempt)));
  }

  private static String endReason(ErrorRule rule, String reason, int attempt) {
    String why = reason + ": " + rule.meaning();
    return rule.action().sendsAgain() ? why + " (gave up after " + attempt + " attempts)" : why;
  }
}
