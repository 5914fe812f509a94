package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.platform.errors.ApiException;
import java.util.Locale;

/** Which recipients of a campaign's latest run a follow-up draft starts from. */
public enum FollowUp {
  /** Their message failed. */
  FAILED,
  /** Their message was sent, delivered or read, and they did not reply. */
  UNRESPONSIVE,
  /** Their message was sent, delivered or read, and their lead has not become a customer since the campaign started. */
  NOT_CONVERTED;

  static FollowUp parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw ApiException.invalid("from", "is failed, unresponsive or not_converted");
    }
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
