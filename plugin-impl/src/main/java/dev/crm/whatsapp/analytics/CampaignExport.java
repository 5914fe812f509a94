package dev.crm.whatsapp.analytics;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.platform.DataSources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A campaign as CSV: its details, a blank line, then one row per recipient with its statuses, times and
 * error. Recipients are read through a cursor (fetch size {@value #FETCH_SIZE}, read-only transaction)
 * and written as they come, so a campaign of a million recipients never sits in memory. Plain JDBC
 * because the stream is written after the resource method returned, outside its transaction.
 */
@ApplicationScoped
public class CampaignExport {
  static final int FETCH_SIZE = 1000;
  static final List<String> HEADER = List.of("recipient_id", "run", "lead_id", "name", "phone", "variant", "status",
      "attempts", "error_code", "error_message", "queued_at", "sent_at", "delivered_at", "read_at", "failed_at",
      "responded_at", "updated_at");

  @Resource(lookup = DataSources.JNDI_NAME)
  DataSource dataSource;

  @Inject Clock clock;

  public static CampaignExport over(DataSource dataSource, Clock clock) {
    CampaignExport export = new CampaignExport();
    export.dataSource = dataSource;
    export.clock = clock;
    return export;
  }

  /** The tenant's campaign's details (name, status, ...), or empty when it has no such campaign. */
  public Optional<List<String[]>> details(TenantId tenant, String campaignId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT id, name, status, template_id, time_zone, run_no,"
            + " created_at, started_at, completed_at FROM wa_campaign WHERE id = ? AND tenant_id = ?")) {
      s.setString(1, campaignId);
      s.setString(2, tenant.value());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        List<String[]> details = new ArrayList<>();
        String[] names = {"campaign_id", "name", "status", "template_id", "time_zone", "runs", "created_at",
            "started_at", "completed_at"};
        for (int i = 0; i < names.length; i++) {
          details.add(new String[] {names[i], text(r.getObject(i + 1))});
        }
        details.add(new String[] {"exported_at", OffsetDateTime.now(clock).toString()});
        return Optional.of(details);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the campaign", e);
    }
  }

  /** Writes the CSV; {@code fullPhones} false masks every phone but its last two digits. */
  public void write(String campaignId, List<String[]> details, boolean fullPhones, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180);
    csv.printRecord("field", "value");
    for (String[] row : details) {
      csv.printRecord(CsvCells.neutralise(row[0]), CsvCells.neutralise(row[1]));
    }
    csv.println();
    csv.printRecord(HEADER);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false); // PostgreSQL uses a cursor for the fetch size only inside a transaction
      c.setReadOnly(true);
      try (PreparedStatement s = c.prepareStatement("SELECT r.id, r.run_no, r.lead_id, r.name, r.phone, r.variant,"
          + " r.status, r.attempts, r.error_code, r.error_message, m.queued_at, m.sent_at, m.delivered_at, m.read_at,"
          + " m.failed_at, m.responded_at, r.updated_at FROM wa_campaign_recipient r"
          + " LEFT JOIN wa_message m ON m.id = r.message_id WHERE r.campaign_id = ? ORDER BY r.run_no, r.phone")) {
        s.setFetchSize(FETCH_SIZE);
        s.setString(1, campaignId);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            csv.printRecord(row(r, fullPhones));
          }
        }
      } finally {
        // The pooled connection goes back as it came: a read-only one would refuse the next borrower's writes.
        c.rollback();
        c.setReadOnly(false);
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("export stopped: the database failed", e));
    }
    csv.flush();
  }

  private static List<String> row(ResultSet r, boolean fullPhones) throws SQLException {
    List<String> cells = new ArrayList<>(HEADER.size());
    for (int i = 1; i <= HEADER.size(); i++) {
      String value = text(r.getObject(i));
      if (i == 5 && value != null && !fullPhones) {
        value = PhoneNumber.of(value).masked();
      }
      cells.add(CsvCells.neutralise(value));
    }
    return cells;
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.sql.Timestamp || value instanceof OffsetDateTime) {
      return StatDeltas.instant(value).toString();
    }
    return value.toString();
  }
}
