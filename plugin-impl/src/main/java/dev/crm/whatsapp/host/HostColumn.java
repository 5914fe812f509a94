package dev.crm.whatsapp.host;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A host table or column name from configuration, checked to be a plain SQL identifier (so configuration
 * can never inject SQL) and always quoted (so names such as {@code lead} or {@code user} work). The word
 * {@code none} leaves an optional column unmapped, because MicroProfile Config cannot tell an empty value
 * from a missing one.
 */
public record HostColumn(String name) {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  public HostColumn {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalStateException("'" + name + "' is not a plain SQL identifier (letters, digits, '_')");
    }
  }

  public static Optional<HostColumn> optional(String configured) {
    if (configured == null || configured.isBlank() || configured.equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    return Optional.of(new HostColumn(configured.trim()));
  }

  public String sql() {
    return '"' + name + '"';
  }
}
