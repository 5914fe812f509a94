package dev.crm.whatsapp.host;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** Reading optional host columns leniently: a missing column or an unparsable value reads as null. */
final class HostRows {
  private HostRows() {}

  static String text(ResultSet row, Optional<HostColumn> column) throws SQLException {
    return column.isEmpty() ? null : row.getString(column.get().name());
  }

  static Instant instant(ResultSet row, Optional<HostColumn> column) throws SQLException {
    if (column.isEmpty()) {
      return null;
    }
    Timestamp value = row.getTimestamp(column.get().name());
    return value == null ? null : value.toInstant();
  }

  static ZoneId zone(ResultSet row, Optional<HostColumn> column) throws SQLException {
    String value = text(row, column);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return ZoneId.of(value.trim());
    } catch (DateTimeException unknownZone) {
      return null;
    }
  }
}
