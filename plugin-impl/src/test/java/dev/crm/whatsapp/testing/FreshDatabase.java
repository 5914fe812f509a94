package dev.crm.whatsapp.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Drops and creates a PostgreSQL database, so that the integration run on PostgreSQL starts from an
 * empty database exactly as a new installation would. Run by Maven before the integration tests.
 */
public final class FreshDatabase {
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private FreshDatabase() {}

  public static void main(String[] args) throws SQLException {
    String adminUrl = args[0];
    String user = args[1];
    String database = args[2];
    if (!NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
    try (Connection admin = DriverManager.getConnection(adminUrl, user, "");
        Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      sql.execute("CREATE DATABASE " + database);
    }
  }
}
