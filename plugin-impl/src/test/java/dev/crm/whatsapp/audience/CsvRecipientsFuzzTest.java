package dev.crm.whatsapp.audience;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.crm.whatsapp.platform.PhoneNormaliser;
import dev.crm.whatsapp.platform.errors.ApiException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Any uploaded file is read into rows and row errors, or refused as a whole with a 4xx naming the file; no
 * other exception (which the REST layer would answer 500). The counts always add up.
 */
class CsvRecipientsFuzzTest {
  private final CsvRecipients csv = new CsvRecipients(PhoneNormaliser.forRegion("ID"), 64 * 1024, 500);

  @FuzzTest(maxDuration = "10s")
  void anyFileIsReadOrRefusedWithAClientError(byte[] file) {
    List<CsvRecipients.Row> rows = new ArrayList<>();
    try {
      CsvRecipients.Report report = csv.read(new ByteArrayInputStream(file), rows::add);

      assertThat(report.valid() + report.invalid()).isEqualTo(report.rows());
      assertThat(rows).hasSize((int) report.valid());
      assertThat(report.errors()).hasSizeLessThanOrEqualTo(CsvRecipients.MAX_REPORTED_ERRORS);
    } catch (ApiException refused) {
      assertThat(refused.status()).isBetween(400, 499);
    }
  }

  /** Text that starts with a usable header, so the fuzzer spends its time on rows and quoting. */
  @FuzzTest(maxDuration = "10s")
  void anyRowsUnderAValidHeaderAreReadOrRefusedWithAClientError(String rowsText) {
    anyFileIsReadOrRefusedWithAClientError(("phone;name;city\n" + rowsText).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
