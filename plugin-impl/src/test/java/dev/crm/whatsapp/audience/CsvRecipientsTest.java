package dev.crm.whatsapp.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.platform.PhoneNormaliser;
import dev.crm.whatsapp.platform.errors.ApiException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvRecipientsTest {
  private final PhoneNormaliser indonesia = PhoneNormaliser.forRegion("ID");
  private final CsvRecipients csv = new CsvRecipients(indonesia, 10_000_000_000L, 2_000_000);

  @Test
  void goodFileGivesEveryRowWithItsVariables() {
    List<CsvRecipients.Row> rows = new ArrayList<>();
    CsvRecipients.Report report = csv.read(text("name,phone,city\nAyu,+6281234567890,Bandung\nBudi,081298765432,Medan\n"),
        rows::add);
    assertThat(report.valid()).isEqualTo(2);
    assertThat(report.invalid()).isZero();
    assertThat(report.variables()).containsExactly("city");
    assertThat(rows).extracting(CsvRecipients.Row::phone)
        .containsExactly(PhoneNumber.of("+6281234567890"), PhoneNumber.of("+6281298765432"));
    assertThat(rows.get(0).variables()).isEqualTo(Map.of("city", "Bandung"));
    assertThat(rows.get(1).line()).isEqualTo(3);
  }

  @Test
  void internationalDigitsWithoutPlusAreAccepted() {
    List<CsvRecipients.Row> rows = new ArrayList<>();
    csv.read(text("name,phone\nSeed,6289876543210\n"), rows::add);
    assertThat(rows).extracting(CsvRecipients.Row::phone).containsExactly(PhoneNumber.of("+6289876543210"));
  }

  @Test
  void badLinesAreReportedByLineNumberAndGoodOnesKept() {
    List<CsvRecipients.Row> rows = new ArrayList<>();
    CsvRecipients.Report report = csv.read(text("name,phone\nAyu,+6281234567890\nNoPhone,\nBad,12ab\nBudi,081298765432\n"),
        rows::add);
    assertThat(rows).hasSize(2);
    assertThat(report.invalid()).isEqualTo(2);
    assertThat(report.errors()).extracting(CsvRecipients.RowError::line).containsExactly(3L, 4L);
    assertThat(report.errors().get(0).reason()).contains("phone is empty");
    assertThat(report.errors().get(1).reason()).contains("not a valid phone number");
  }

  @Test
  void byteOrderMarkAndSemicolonsAreUnderstood() {
    List<CsvRecipients.Row> rows = new ArrayList<>();
    byte[] body = "\uFEFFname;phone;promo\nAyu;+6281234567890;A, B and C\n".getBytes(StandardCharsets.UTF_8);
    CsvRecipients.Report report = csv.read(new ByteArrayInputStream(body), rows::add);
    assertThat(report.valid()).isEqualTo(1);
    assertThat(rows.get(0).name()).isEqualTo("Ayu");
    assertThat(rows.get(0).variables()).isEqualTo(Map.of("promo", "A, B and C"));
  }

  @Test
  void aHeaderWithoutPhoneIsRefusedNamingTheColumn() {
    assertThatThrownBy(() -> csv.read(text("name,mobile\nAyu,+6281234567890\n"), row -> { }))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.getMessage()).contains("'phone'");
        });
  }

  @Test
  void aFileOverTheByteLimitIs413() {
    CsvRecipients small = new CsvRecipients(indonesia, 100, 1000);
    assertThatThrownBy(() -> small.read(generated(1000), row -> { }))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(413));
  }

  @Test
  void aFileOverTheRowLimitIs422() {
    CsvRecipients few = new CsvRecipients(indonesia, 1_000_000, 10);
    assertThatThrownBy(() -> few.read(generated(11), row -> { }))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.getMessage()).contains("more than 10 rows");
        });
  }

  @Test
  void aRowEndingBeforeTheNameColumnKeepsItsPhoneAndHasNoName() {
    List<CsvRecipients.Row> rows = new ArrayList<>();
    CsvRecipients.Report report = csv.read(text("phone,name\n081363053471\n"), rows::add);

    assertThat(report.valid()).isEqualTo(1);
    assertThat(rows.get(0).phone().e164()).isEqualTo("+6281363053471");
    assertThat(rows.get(0).name()).isNull();
  }

  @Test
  void aMillionRowFileIsReadRowByRowFromAStream() {
    long[] seen = {0};
    CsvRecipients.Report report = csv.read(generated(1_000_000), row -> seen[0]++);
    assertThat(report.rows()).isEqualTo(1_000_000);
    // every 1000th generated row has a bad phone
    assertThat(report.invalid()).isEqualTo(1000);
    assertThat(seen[0]).isEqualTo(999_000);
    assertThat(report.errors()).hasSize(CsvRecipients.MAX_REPORTED_ERRORS);
    assertThat(report.errors().get(0).line()).isEqualTo(2);
  }

  private static InputStream text(String csv) {
    return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code rows} rows made as they are read, never held whole: row i has phone +62812 followed by i. */
  static InputStream generated(int rows) {
    Enumeration<InputStream> chunks = new Enumeration<>() {
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
          String phone = next % 1000 == 0 ? "not-a-phone" : "+62812" + String.format("%07d", next);
          chunk.append("Lead ").append(next).append(',').append(phone).append(",C").append(next).append('\n');
        }
        return new ByteArrayInputStream(chunk.toString().getBytes(StandardCharsets.UTF_8));
      }
    };
    return new SequenceInputStream(chunks);
  }
}
