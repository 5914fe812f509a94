package dev.crm.whatsapp.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Plain SQL statements with positional parameters, run either on a JDBC connection or through an
 * {@link EntityManager}'s native queries, in the caller's transaction. The dispatcher's batched claims
 * and acceptances run on one JDBC connection per transaction: through the entity manager, every statement
 * paid for its own trip through the container's connection pool and EclipseLink's query machinery, a
 * third of a send's CPU time (docs/architecture.md, "Dispatch throughput"). Slower paths use the entity
 * manager, so the same statements serve both.
 */
public interface Sql {

  /** The rows of a query, each an array of its columns. */
  List<Object[]> query(String sql, List<?> parameters);

  /** The number of rows an INSERT, UPDATE or DELETE changed. */
  int update(String sql, List<?> parameters);

  /** {@code n} positional parameters, for an IN list. */
  static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  static Sql over(Connection connection) {
    return new Sql() {
      @Override
      public List<Object[]> query(String sql, List<?> parameters) {
        try (PreparedStatement statement = prepared(connection, sql, parameters);
            ResultSet rows = statement.executeQuery()) {
          int columns = rows.getMetaData().getColumnCount();
          List<Object[]> result = new ArrayList<>();
          while (rows.next()) {
            Object[] row = new Object[columns];
            for (int i = 0; i < columns; i++) {
              Object value = rows.getObject(i + 1);
              // H2 answers TEXT columns as CLOBs; callers read text as strings on either database
              row[i] = value instanceof Clob clob ? clob.getSubString(1, (int) clob.length()) : value;
            }
            result.add(row);
          }
          return result;
        } catch (SQLException e) {
          throw new IllegalStateException("query failed: " + e.getMessage(), e);
        }
      }

      @Override
      public int update(String sql, List<?> parameters) {
        try (PreparedStatement statement = prepared(connection, sql, parameters)) {
          return statement.executeUpdate();
        } catch (SQLException e) {
          throw new IllegalStateException("update failed: " + e.getMessage(), e);
        }
      }
    };
  }

  static Sql over(EntityManager em) {
    return new Sql() {
      @Override
      @SuppressWarnings("unchecked")
      public List<Object[]> query(String sql, List<?> parameters) {
        List<?> rows = bound(em.createNativeQuery(sql), parameters).getResultList();
        // EclipseLink answers a one-column query with the values themselves
        return rows.stream().map(r -> r instanceof Object[] columns ? columns : new Object[] {r}).toList();
      }

      @Override
      public int update(String sql, List<?> parameters) {
        return bound(em.createNativeQuery(sql), parameters).executeUpdate();
      }
    };
  }

  private static PreparedStatement prepared(Connection connection, String sql, List<?> parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.size(); i++) {
      Object value = parameters.get(i);
      if (value == null) {
        statement.setNull(i + 1, Types.VARCHAR);
      } else {
        statement.setObject(i + 1, value);
      }
    }
    return statement;
  }

  private static Query bound(Query query, List<?> parameters) {
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
    return query;
  }
}
