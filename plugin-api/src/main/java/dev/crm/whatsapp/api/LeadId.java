package dev.crm.whatsapp.api;

import java.util.Objects;

/**
 * The host's identifier of a lead, kept as the host's text form (numeric ids become their decimal text).
 *
 * @param value 1 to 128 characters, no control characters
 */
public record LeadId(String value) {
  public LeadId {
    Objects.requireNonNull(value, "lead id");
    if (value.isEmpty() || value.length() > 128 || value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("a lead id has 1 to 128 printable characters");
    }
  }

  public static LeadId of(String value) {
    return new LeadId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
