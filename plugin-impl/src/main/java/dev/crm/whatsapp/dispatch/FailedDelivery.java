package dev.crm.whatsapp.dispatch;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The error policy applied to a {@code failed} status webhook ({@code statuses[].errors[].code}), for a
 * message the provider had accepted. A failed status is final for that provider message: it will never be
 * delivered, so sending the message again cannot give the recipient two copies. It is therefore sent again
 * (with the configured backoff, within the attempt limit) when the code's action is to retry: retry with
 * backoff, retry later, delay the recipient, slow the sender. Every other code ends it failed, with the
 * rule's meaning as a note (131047: send a template instead); 131050 also records the opt-out, and a
 * sender-pausing code does not pause from a webhook (the next refused send does).
 */
public final class FailedDelivery {
  private static final Set<ErrorAction> RESENT = EnumSet.of(ErrorAction.RETRY_WITH_BACKOFF, ErrorAction.RETRY_LATER,
      ErrorAction.DELAY_RECIPIENT, ErrorAction.SLOW_SENDER);

  /**
   * What to do.
   *
   * @param rule the code's row of the error policy
   * @param resendAfter the wait before sending again; empty to end the message failed
   * @param reason what to record: the provider's title and the rule's meaning
   */
  public record Decision(ErrorRule rule, Optional<Duration> resendAfter, String reason) {}

  private FailedDelivery() {}

  /** The decision for a message failed with {@code code} ({@code title}) after {@code attempts} attempts. */
  public static Decision after(int code, String title, int attempts, RetrySchedule schedule) {
    ErrorRule rule = ErrorPolicy.forCode(code);
    String reason = "(#" + code + ") " + (title == null || title.isBlank() ? "failed" : title) + ": " + rule.meaning();
    Optional<Duration> resend = RESENT.contains(rule.action())
        ? schedule.nextDelay(rule, Math.max(attempts, 1)) : Optional.empty();
    return new Decision(rule, resend, resend.isEmpty() && RESENT.contains(rule.action())
        ? reason + " (gave up after " + attempts + " attempts)" : reason);
  }
}
