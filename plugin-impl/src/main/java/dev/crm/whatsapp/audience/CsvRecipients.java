package dev.crm.whatsapp.audience;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.platform.PhoneNormaliser;
import dev.crm.whatsapp.platform.errors.ApiException;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded recipient list ({@code name,phone[,var1,...]} with a header; UTF-8 with or without a
 * BOM; comma or semicolon, whichever the header uses) one row at a time: each valid row goes to the
 * consumer at once, so a file of a million rows never sits in memory. Bad rows are reported by line
 * number and reason (the first {@link #MAX_REPORTED_ERRORS}; all are counted) and the valid rows kept.
 */
public final class CsvRecipients {

  public static final int MAX_REPORTED_ERRORS = 1000;

  /** One valid row; {@code line} is the file's line number (the header is line 1). */
  public record Row(long line, String name, PhoneNumber phone, Map<String, String> variables) {}

  /** A row that was left out, and why. */
  public record RowError(long line, String reason) {}

  /** What a read found: valid rows, rows with errors (the first ones reported), the extra columns. */
  public record Report(long rows, long valid, long invalid, List<RowError> errors, List<String> variables) {}

  private final PhoneNormaliser phones;
  private final long maxBytes;
  private final long maxRows;

  public CsvRecipients(PhoneNormaliser phones, long maxBytes, long maxRows) {
    this.phones = phones;
    this.maxBytes = maxBytes;
    this.maxRows = maxRows;
  }

  public Report read(InputStream input, Consumer<Row> valid) {
    BufferedReader reader = new BufferedReader(new InputStreamReader(new Limited(input, maxBytes),
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)), 65536);
    try {
      char delimiter = delimiter(reader);
      CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
      try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
        Columns columns = Columns.of(parser.getHeaderNames());
        long rows = 0;
        long good = 0;
        long bad = 0;
        List<RowError> errors = new ArrayList<>();
        for (CSVRecord record : parser) {
          if (++rows > maxRows) {
            throw ApiException.unprocessable("file", "has more than " + maxRows + " rows; split it");
          }
          long line = record.getParser().getCurrentLineNumber();
          String problem = columns.problem(record);
          PhoneNumber phone = null;
          if (problem == null) {
            phone = phones.normalise(record.get(columns.phone)).orElse(null);
            if (phone == null) {
              problem = "phone '" + mask(record.get(columns.phone)) + "' is not a valid phone number";
            }
          }
          if (problem != null) {
            bad++;
            if (errors.size() < MAX_REPORTED_ERRORS) {
              errors.add(new RowError(line, problem));
            }
            continue;
          }
          good++;
          // a short row (found by fuzzing: the phone column before the name, the row ending after the phone)
          // has no name rather than failing
          valid.accept(new Row(line, columns.name < 0 || columns.name >= record.size() ? null
              : blankToNull(record.get(columns.name)), phone, columns.variables(record)));
        }
        return new Report(rows, good, bad, errors, columns.variableNames());
      }
    } catch (UncheckedIOException e) {
      throw unreadable(e.getCause());
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  private static ApiException unreadable(IOException e) {
    if (e instanceof TooLarge) {
      return new ApiException(413, "file_too_large", "file", e.getMessage());
    }
    if (e instanceof java.nio.charset.CharacterCodingException) {
      return ApiException.unprocessable("file", "is not UTF-8 text");
    }
    return ApiException.unprocessable("file", "could not be read as CSV: " + e.getMessage());
  }

  /** Skips a BOM and picks the header's delimiter: semicolon when it has more semicolons than commas. */
  private static char delimiter(BufferedReader reader) throws IOException {
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    reader.mark(65536);
    String header = reader.readLine();
    reader.reset();
    if (header == null) {
      throw ApiException.unprocessable("file", "is empty; the first line is a header: name,phone[,variables...]");
    }
    long semicolons = header.chars().filter(c -> c == ';').count();
    long commas = header.chars().filter(c -> c == ',').count();
    return semicolons > commas ? ';' : ',';
  }

  private static String mask(String text) {
    return text.length() <= 4 ? "****" : "…" + text.substring(text.length() - 4);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  /** Which column is which. */
  private static final class Columns {
    final int name;
    final int phone;
    final List<String> headers;

    private Columns(List<String> headers, int name, int phone) {
      this.headers = headers;
      this.name = name;
      this.phone = phone;
    }

    static Columns of(List<String> headers) {
      List<String> lower = headers.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
      int phone = lower.indexOf("phone");
      if (phone < 0) {
        throw ApiException.unprocessable("file", "the header has no 'phone' column; expected name,phone[,variables...]");
      }
      return new Columns(headers, lower.indexOf("name"), phone);
    }

    String problem(CSVRecord record) {
      if (record.size() <= phone) {
        return "has " + record.size() + " columns; the phone is column " + (phone + 1);
      }
      if (record.get(phone).isBlank()) {
        return "phone is empty";
      }
      return null;
    }

    Map<String, String> variables(CSVRecord record) {
      Map<String, String> variables = new LinkedHashMap<>();
      for (int i = 0; i < headers.size() && i < record.size(); i++) {
        if (i != name && i != phone && !headers.get(i).isBlank() && !record.get(i).isBlank()) {
          variables.put(headers.get(i).trim(), record.get(i));
        }
      }
      return variables;
    }

    List<String> variableNames() {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < headers.size(); i++) {
        if (i != name && i != phone && !headers.get(i).isBlank()) {
          names.add(headers.get(i).trim());
        }
      }
      return names;
    }
  }

  private static final class TooLarge extends IOException {
    TooLarge(long max) {
      super("is larger than " + max + " bytes; split it");
    }
  }

  /** Counts bytes as they are read and stops past the limit, before the whole upload is consumed. */
  private static final class Limited extends FilterInputStream {
    private final long max;
    private long count;

    Limited(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(long n) throws IOException {
      count += n;
      if (count > max) {
        throw new TooLarge(max);
      }
    }
  }
}
