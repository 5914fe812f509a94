package dev.crm.whatsapp.dispatch;

/** What the send pipeline does after a provider refused a message with a given error code. */
public enum ErrorAction {
  /** A transient fault at the provider: send again after the configured backoff. */
  RETRY_WITH_BACKOFF(true),
  /** The provider asks us to come back later (minutes or a day): send again after the rule's delay. */
  RETRY_LATER(true),
  /** The sender number went over its throughput: slow the number and send this message again later. */
  SLOW_SENDER(true),
  /** Too many messages to this one recipient: delay this recipient only, not the sender. */
  DELAY_RECIPIENT(true),
  /** The message itself is wrong or undeliverable: it fails, nothing is retried. */
  NO_RETRY(false),
  /** The recipient stopped marketing messages: the message ends {@code opted_out}, never retried. */
  RECORD_OPT_OUT(false),
  /** Free-form text outside the 24-hour window: it fails, and only a template may reach this user. */
  SEND_TEMPLATE_INSTEAD(false),
  /** The template is paused or disabled: the message fails and the template's sends stop. */
  PAUSE_TEMPLATE(false),
  /**
   * The number cannot send (token expired, account restricted, spam limit): the number is paused and
   * this message, which did nothing wrong, waits to be sent again, through another number if one exists.
   */
  PAUSE_SENDER(true);

  private final boolean sendsAgain;

  ErrorAction(boolean sendsAgain) {
    this.sendsAgain = sendsAgain;
  }

  /** True when the message is queued again (within its attempt limit) rather than ended. */
  public boolean sendsAgain() {
    return sendsAgain;
  }
}
