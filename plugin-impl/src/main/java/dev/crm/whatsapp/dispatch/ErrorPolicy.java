package dev.crm.whatsapp.dispatch;

import static dev.crm.whatsapp.dispatch.ErrorAction.DELAY_RECIPIENT;
import static dev.crm.whatsapp.dispatch.ErrorAction.NO_RETRY;
import static dev.crm.whatsapp.dispatch.ErrorAction.PAUSE_SENDER;
import static dev.crm.whatsapp.dispatch.ErrorAction.PAUSE_TEMPLATE;
import static dev.crm.whatsapp.dispatch.ErrorAction.RECORD_OPT_OUT;
import static dev.crm.whatsapp.dispatch.ErrorAction.RETRY_LATER;
import static dev.crm.whatsapp.dispatch.ErrorAction.RETRY_WITH_BACKOFF;
import static dev.crm.whatsapp.dispatch.ErrorAction.SEND_TEMPLATE_INSTEAD;
import static dev.crm.whatsapp.dispatch.ErrorAction.SLOW_SENDER;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one table that decides, per provider error code, what happens to a refused message and its sender
 * number. Codes are Meta's Cloud API codes; other providers map their errors onto them. A code not in
 * the table ends the message (a missed message is better than a duplicate or a loop). docs/error-codes.md
 * lists the same table; {@code ErrorPolicyTest} checks every row.
 */
public final class ErrorPolicy {
  /** Code the dispatcher uses for a send that never reached the provider (no provider code exists). */
  public static final int NOT_SENT = -1;
  /** Code the gateway provider uses when its WhatsApp Web session is missing or not linked (WAHA 404/422). */
  public static final int GATEWAY_SESSION_DOWN = -2;
  /** Code the gateway provider uses when the gateway refuses its API key (WAHA 401/403). */
  public static final int GATEWAY_AUTH = -3;

  private static final Map<Integer, ErrorRule> RULES = new LinkedHashMap<>();

  static {
    rule(130429, "throughput limit of the sender number reached", SLOW_SENDER, Duration.ofSeconds(5));
    rule(131056, "pair rate limit: too many messages to this user", DELAY_RECIPIENT, Duration.ofMinutes(1));
    rule(80007, "WhatsApp Business Account rate limit", SLOW_SENDER, Duration.ofMinutes(1));
    rule(4, "application rate limit", SLOW_SENDER, Duration.ofMinutes(1));
    rule(131048, "spam rate limit: number quality problem", PAUSE_SENDER, Duration.ofHours(1));
    rule(131049, "per-user marketing limit: may retry after 24 hours", RETRY_LATER, Duration.ofHours(24));
    rule(131050, "user stopped marketing messages", RECORD_OPT_OUT, Duration.ZERO);
    rule(131047, "outside the 24-hour window: send a template instead", SEND_TEMPLATE_INSTEAD, Duration.ZERO);
    rule(131026, "undeliverable: not on WhatsApp or unsupported app", NO_RETRY, Duration.ZERO);
    rule(131053, "media upload failed: fix the media", NO_RETRY, Duration.ZERO);
    rule(132000, "template parameter count mismatch", NO_RETRY, Duration.ZERO);
    rule(132001, "template does not exist in this language", NO_RETRY, Duration.ZERO);
    rule(132012, "template parameter format mismatch", NO_RETRY, Duration.ZERO);
    rule(132018, "template parameter has an invalid value", NO_RETRY, Duration.ZERO);
    rule(132015, "template paused for low quality", PAUSE_TEMPLATE, Duration.ZERO);
    rule(132016, "template disabled", PAUSE_TEMPLATE, Duration.ZERO);
    rule(100, "invalid parameter in the request", NO_RETRY, Duration.ZERO);
    rule(190, "access token expired: an admin must renew it", PAUSE_SENDER, Duration.ofMinutes(15));
    rule(368, "account restricted", PAUSE_SENDER, Duration.ofHours(1));
    rule(1, "unknown provider error", RETRY_WITH_BACKOFF, Duration.ZERO);
    rule(2, "provider service temporarily unavailable", RETRY_WITH_BACKOFF, Duration.ZERO);
    rule(131000, "provider error: something went wrong", RETRY_WITH_BACKOFF, Duration.ZERO);
    rule(131016, "provider service unavailable", RETRY_WITH_BACKOFF, Duration.ZERO);
    rule(131057, "account in maintenance (e.g. throughput upgrade)", RETRY_LATER, Duration.ofMinutes(5));
    rule(NOT_SENT, "the request never reached the provider", RETRY_WITH_BACKOFF, Duration.ZERO);
    rule(GATEWAY_SESSION_DOWN, "gateway session not linked: an admin must scan its QR code", PAUSE_SENDER,
        Duration.ofMinutes(15));
    rule(GATEWAY_AUTH, "gateway refused the API key: an admin must correct it", PAUSE_SENDER, Duration.ofMinutes(15));
  }

  private ErrorPolicy() {}

  private static void rule(int code, String meaning, ErrorAction action, Duration minimumDelay) {
    RULES.put(code, new ErrorRule(code, meaning, action, minimumDelay));
  }

  /** The rule for {@code code}; an unlisted code ends the message without retry. */
  public static ErrorRule forCode(int code) {
    ErrorRule rule = RULES.get(code);
    return rule != null ? rule : new ErrorRule(code, "error not in the policy table", NO_RETRY, Duration.ZERO);
  }

  /** Every rule, in table order. */
  public static Collection<ErrorRule> rules() {
    return RULES.values();
  }
}
