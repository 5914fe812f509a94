package dev.crm.whatsapp.platform;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.crm.whatsapp.api.PhoneNumber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns phone text as hosts and users write it ({@code 0812-3456-7890}, {@code +1 (415) 555 0100},
 * {@code 6281234567890}) into E.164, with libphonenumber and a default region for national forms.
 */
@ApplicationScoped
public class PhoneNormaliser {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  @Inject
  @ConfigProperty(name = "wa.phone.default-region", defaultValue = "ID")
  String defaultRegion;

  public static PhoneNormaliser forRegion(String region) {
    PhoneNormaliser normaliser = new PhoneNormaliser();
    normaliser.defaultRegion = region;
    return normaliser;
  }

  /** The country calling code of the default region (62 for ID), for national numbers. */
  public int defaultCallingCode() {
    return UTIL.getCountryCodeForRegion(defaultRegion);
  }

  /** The number in E.164, or empty when the text is not a valid phone number. */
  public Optional<PhoneNumber> normalise(String text) {
    if (text == null || text.isBlank() || text.length() > 64) {
      return Optional.empty();
    }
    String trimmed = text.trim();
    Optional<PhoneNumber> asGiven = parse(trimmed, defaultRegion);
    if (asGiven.isPresent() || trimmed.startsWith("+")) {
      return asGiven;
    }
    // Hosts often store the international form without '+' (6281234567890): try it as such.
    return parse("+" + trimmed, defaultRegion);
  }

  private static Optional<PhoneNumber> parse(String text, String region) {
    try {
      Phonenumber.PhoneNumber parsed = UTIL.parse(text, region);
      if (!UTIL.isValidNumber(parsed)) {
        return Optional.empty();
      }
      return Optional.of(PhoneNumber.of(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164)));
    } catch (NumberParseException notAPhone) {
      return Optional.empty();
    } catch (IllegalArgumentException notE164) {
      // valid for libphonenumber but outside E.164's length (found by fuzzing: the 14-digit German national
      // number 68788587788585 is +49 and 14 digits, 16 in all): no number WhatsApp can address
      return Optional.empty();
    }
  }
}
