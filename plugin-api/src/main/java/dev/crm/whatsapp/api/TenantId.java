package dev.crm.whatsapp.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The host's tenant (organisation) a row, a caller or a lead belongs to. Every query the plugin makes is
 * scoped by one.
 *
 * @param value 1 to 64 characters of letters, digits, {@code .}, {@code _} or {@code -}
 */
public record TenantId(String value) {
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public TenantId {
    Objects.requireNonNull(value, "tenant id");
    if (!ALLOWED.matcher(value).matches()) {
      throw new IllegalArgumentException("a tenant id has 1 to 64 letters, digits, '.', '_' or '-'");
    }
  }

  public static TenantId of(String value) {
    return new TenantId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
