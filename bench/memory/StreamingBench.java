import dev.crm.whatsapp.analytics.CampaignExport;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.audience.Candidate;
import dev.crm.whatsapp.audience.CsvRecipients;
import dev.crm.whatsapp.campaigns.CampaignRepository;
import dev.crm.whatsapp.campaigns.RecipientWriter;
import dev.crm.whatsapp.platform.PhoneNormaliser;
import dev.crm.whatsapp.testing.PgSchema;
import dev.crm.whatsapp.testing.WhatsAppPersistence;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Enumeration;

/**
 * A 1,000,000-row CSV list uploaded into a campaign (CsvRecipients streaming rows into RecipientWriter, the
 * upload endpoint's path, on the real PostgreSQL), then that campaign exported as CSV (CampaignExport, the
 * export endpoint's path), in a JVM whose heap is capped (streaming.sh: -Xmx64m, far below what a million
 * rows would take). The file is made as it is read, never whole. Prints rows, time and the most heap in
 * use after a collection during each part; asserts nothing (an OutOfMemoryError would be the finding).
 * Run: bench/memory/streaming.sh [N]
 */
public class StreamingBench {
  static final TenantId ACME = TenantId.of("acme");

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    System.out.printf("max heap %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
    try (PgSchema schema = PgSchema.pluginTables().open();
        WhatsAppPersistence db = WhatsAppPersistence.over(schema.dataSource())) {
      schema.execute("INSERT INTO wa_campaign (id, tenant_id, name, template_id, status, run_no, time_zone, created_at,"
          + " updated_at) VALUES ('big', 'acme', 'Big list', 't1', 'DRAFT', 0, 'Asia/Jakarta', now(), now())");

      resetPeaks();
      long t0 = System.nanoTime();
      CsvRecipients.Report report = db.inTransaction(em -> {
        CsvRecipients reader = new CsvRecipients(PhoneNormaliser.forRegion("ID"), Long.MAX_VALUE, n + 1L);
        try (RecipientWriter.Batch batch = RecipientWriter.over(CampaignRepository.over(em))
            .open(ACME, "big", 0, OffsetDateTime.now())) {
          return reader.read(csv(n), row -> batch.add(new Candidate(null, row.name(), row.phone(), null,
              row.variables())));
        }
      });
      long stored = ((Number) db.inTransaction(em -> em.createNativeQuery(
          "SELECT COUNT(*) FROM wa_campaign_recipient WHERE campaign_id = 'big'").getSingleResult())).longValue();
      System.out.printf("upload: %,d rows read, %,d valid, %,d stored in %.1f s; most heap in use after a GC %d MB%n",
          report.rows(), report.valid(), stored, (System.nanoTime() - t0) / 1e9, peakAfterGc() >> 20);

      resetPeaks();
      t0 = System.nanoTime();
      CampaignExport export = CampaignExport.over(schema.dataSource(), Clock.systemUTC());
      Counting out = new Counting();
      export.write("big", export.details(ACME, "big").orElseThrow(), true, out);
      System.out.printf("export: %,d lines, %,d MB of CSV in %.1f s; most heap in use after a GC %d MB%n",
          out.lines, out.bytes >> 20, (System.nanoTime() - t0) / 1e9, peakAfterGc() >> 20);
    }
  }

  /** {@code rows} rows of name,phone,code made as they are read, a thousand at a time. */
  static InputStream csv(int rows) {
    return new SequenceInputStream(new Enumeration<InputStream>() {
      int next = -1;

      @Override
      public boolean hasMoreElements() {
        return next < rows;
      }

      @Override
      public InputStream nextElement() {
        StringBuilder chunk = new StringBuilder();
        if (next < 0) {
          chunk.append("name,phone,code\n");
          next = 0;
        }
        for (int i = 0; i < 1000 && next < rows; i++, next++) {
          chunk.append("Lead ").append(next).append(",+62812").append(String.format("%08d", next)).append(",C")
              .append(next).append('\n');
        }
        return new ByteArrayInputStream(chunk.toString().getBytes(StandardCharsets.UTF_8));
      }
    });
  }

  static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** The heap pools' largest "used after the last collection", which garbage waiting to be collected is not. */
  static long peakAfterGc() {
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
        used += pool.getCollectionUsage().getUsed();
      }
    }
    return used;
  }

  static final class Counting extends OutputStream {
    long bytes;
    long lines;

    @Override
    public void write(int b) {
      bytes++;
      if (b == '\n') {
        lines++;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
      for (int i = off; i < off + len; i++) {
        if (b[i] == '\n') {
          lines++;
        }
      }
    }
  }
}
