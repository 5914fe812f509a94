package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.platform.errors.ApiException;
import java.util.Locale;

/**
 * What a launch does with recipients for whom a template variable has no value (and no fallback):
 * {@code refuse} the launch, listing them, or {@code skip} them (recipient {@code SKIPPED} with the reason).
 */
public enum MissingVariables {
  REFUSE,
  SKIP;

  static MissingVariables parse(String text) {
    if (text == null || text.isBlank()) {
      return REFUSE;
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("missingVariables", "is refuse or skip");
    }
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
