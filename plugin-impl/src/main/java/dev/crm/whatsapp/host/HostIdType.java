package dev.crm.whatsapp.host;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import javax.sql.DataSource;

/**
 * Whether a host id column is numeric, so ids (text in the API) are bound as numbers where the column is
 * one: PostgreSQL refuses to compare a bigint with text, and a cast would forgo the index.
 */
final class HostIdType {
  private HostIdType() {}

  static boolean isNumeric(DataSource dataSource, HostColumn table, HostColumn id) {
    String probe = "SELECT " + id.sql() + " FROM " + table.sql() + " WHERE 1 = 0";
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(probe)) {
      ResultSetMetaData meta = rows.getMetaData();
      return switch (meta.getColumnType(1)) {
        case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT, Types.NUMERIC, Types.DECIMAL -> true;
        default -> false;
      };
    } catch (SQLException e) {
      throw new HostDataException("reading the type of " + table.name() + "." + id.name(), e);
    }
  }
}
