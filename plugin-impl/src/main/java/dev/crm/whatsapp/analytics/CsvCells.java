package dev.crm.whatsapp.analytics;

import java.util.regex.Pattern;

/**
 * Makes a cell safe to open in a spreadsheet: a value starting with {@code =}, {@code +}, {@code -},
 * {@code @}, tab or carriage return would be read as a formula (CSV injection), so it gets a leading
 * apostrophe, which spreadsheets show as text. A plain signed integer (a full E.164 phone, an error code
 * such as -1) is left as it is: digits alone cannot be a formula. Quoting is the CSV printer's.
 */
public final class CsvCells {
  private static final Pattern PLAIN_INTEGER = Pattern.compile("[+-]?[0-9]+");

  private CsvCells() {}

  public static String neutralise(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    return risky && !PLAIN_INTEGER.matcher(value).matches() ? "'" + value : value;
  }
}
