package dev.crm.whatsapp.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form ({@code +} then 8 to 15 digits, no leading zero). It can only be built
 * valid; turning a host's free-form phone text into one (with a default region) is the plugin's job.
 *
 * @param e164 for example {@code +6281234567890}
 */
public record PhoneNumber(String e164) {
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

  public PhoneNumber {
    Objects.requireNonNull(e164, "phone number");
    if (!E164.matcher(e164).matches()) {
      throw new IllegalArgumentException("a phone number is '+' and 8 to 15 digits (E.164)");
    }
  }

  public static PhoneNumber of(String e164) {
    return new PhoneNumber(e164);
  }

  /** The digits without {@code +}, which is how the WhatsApp Cloud API names a recipient. */
  public String digits() {
    return e164.substring(1);
  }

  /** A form safe for logs: country code and the last two digits, e.g. {@code +62*********90}. */
  public String masked() {
    int keepStart = Math.min(3, e164.length() - 2);
    return e164.substring(0, keepStart)
        + "*".repeat(e164.length() - keepStart - 2)
        + e164.substring(e164.length() - 2);
  }

  @Override
  public String toString() {
    return masked();
  }
}
