package dev.crm.whatsapp.api;

import java.util.Objects;

/**
 * The host's identifier of a customer, in the host's text form.
 *
 * @param value 1 to 128 characters, no control characters
 */
public record CustomerId(String value) {
  public CustomerId {
    Objects.requireNonNull(value, "customer id");
    if (value.isEmpty() || value.length() > 128 || value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("a customer id has 1 to 128 printable characters");
    }
  }

  public static CustomerId of(String value) {
    return new CustomerId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
