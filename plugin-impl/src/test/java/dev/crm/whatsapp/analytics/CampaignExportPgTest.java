package dev.crm.whatsapp.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.testing.PluginDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The campaign CSV: RFC 4180 quoting, formula cells neutralised, phones masked unless allowed, streamed. */
class CampaignExportPgTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T09:00:00Z");

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying("wa_campaign_recipient", "wa_campaign");

  @Test
  void hostileCellsAreNeutralisedAndQuotedSoASpreadsheetShowsThemAsText() throws IOException {
    campaign("=cmd|' /C calc'!A0");
    recipient("r1", "=HYPERLINK(\"http://evil\",\"click\")", "+6281363053471", "-2+3");
    recipient("r2", "+SUM(1)", "+6281363053472", "@A1");
    recipient("r3", "\tTabbed", "+6281363053473", "\rCarriage");
    recipient("r4", "Ayu, \"the\" boss\nsecond line", "+6281363053474", null);

    List<CSVRecord> rows = parse(export(true));

    assertThat(rows.get(2).get(1)).isEqualTo("'=cmd|' /C calc'!A0"); // campaign name
    List<CSVRecord> recipients = recipients(rows);
    assertThat(recipients).extracting(r -> r.get("name")).containsExactly("'=HYPERLINK(\"http://evil\",\"click\")",
        "'+SUM(1)", "'\tTabbed", "Ayu, \"the\" boss\nsecond line");
    assertThat(recipients).extracting(r -> r.get("error_message")).containsExactly("'-2+3", "'@A1", "'\rCarriage", "");
    assertThat(recipients).extracting(r -> r.get("phone")).containsExactly("+6281363053471", "+6281363053472",
        "+6281363053473", "+6281363053474");
    assertThat(recipients).extracting(r -> r.get("error_code")).containsOnly("-1");
  }

  @Test
  void phonesAreMaskedForCallersWithoutTheAdminPermission() throws IOException {
    campaign("Spring");
    recipient("r1", "Ayu", "+6281363053471", null);

    List<CSVRecord> recipients = recipients(parse(export(false)));

    assertThat(recipients).singleElement().satisfies(r -> assertThat(r.get("phone")).isEqualTo("'+62*********71"));
  }

  @Test
  void anotherTenantsCampaignHasNoDetailsToExport() {
    campaign("Spring");

    assertThat(exporter().details(TenantId.of("globex"), "c1")).isEmpty();
  }

  @Test
  void aLargeCampaignIsStreamedRowByRow() throws IOException {
    campaign("Big");
    int n = 200_000;
    database.schema().execute("INSERT INTO wa_campaign_recipient (id, tenant_id, campaign_id, run_no, phone, status,"
        + " created_at, updated_at) SELECT 'r' || g, 'acme', 'c1', 1, '+62813' || (10000000 + g), 'SENT', now(), now()"
        + " FROM generate_series(1, " + n + ") g");
    CountingLines out = new CountingLines();

    CampaignExport export = exporter();
    export.write("c1", export.details(ACME, "c1").orElseThrow(), false, out);

    int detailLines = 1 + 10 + 1; // header, details, blank line
    assertThat(out.lines).isEqualTo(detailLines + 1 + n);
  }

  private static final class CountingLines extends OutputStream {
    long lines;

    @Override
    public void write(int b) {
      if (b == '\n') {
        lines++;
      }
    }
  }

  private void campaign(String name) {
    database.persistence().run(em -> new StatTables(em).campaign("c1", "acme", name, "COMPLETED", 1, "UTC", T0));
  }

  private void recipient(String id, String name, String phone, String error) {
    database.persistence().run(em -> em.createNativeQuery("INSERT INTO wa_campaign_recipient (id, tenant_id,"
            + " campaign_id, run_no, name, phone, status, error_code, error_message, created_at, updated_at)"
            + " VALUES (?, 'acme', 'c1', 1, ?, ?, 'FAILED', -1, ?, ?, ?)")
        .setParameter(1, id).setParameter(2, name).setParameter(3, phone).setParameter(4, error)
        .setParameter(5, T0).setParameter(6, T0).executeUpdate());
  }

  private CampaignExport exporter() {
    return CampaignExport.over(database.schema().dataSource(), Clock.fixed(T0.toInstant(), ZoneOffset.UTC));
  }

  private String export(boolean fullPhones) throws IOException {
    CampaignExport export = exporter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    export.write("c1", export.details(ACME, "c1").orElseThrow(), fullPhones, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static List<CSVRecord> parse(String csv) throws IOException {
    return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
  }

  /** The rows after the blank line, read with their header. */
  private static List<CSVRecord> recipients(List<CSVRecord> rows) throws IOException {
    int header = 0;
    while (!rows.get(header).get(0).equals("recipient_id")) {
      header++;
    }
    StringBuilder csv = new StringBuilder();
    var printer = new org.apache.commons.csv.CSVPrinter(csv, CSVFormat.RFC4180);
    for (CSVRecord row : rows.subList(header, rows.size())) {
      printer.printRecord(row.toList());
    }
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(new StringReader(csv.toString())).getRecords();
  }
}
