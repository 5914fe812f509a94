package dev.crm.whatsapp.history;

import dev.crm.whatsapp.platform.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where the next page of a history starts: the last message of the previous page. Opaque to clients.
 *
 * @param createdAt the last message's creation time
 * @param id the last message's id, which breaks ties
 */
public record HistoryCursor(OffsetDateTime createdAt, String id) {

  public static HistoryCursor after(LeadMessage last) {
    return new HistoryCursor(last.createdAt(), last.id());
  }

  public String encode() {
    String plain = createdAt + "|" + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a cursor a client sent back; anything else is a 400 naming {@code cursor}. */
  public static HistoryCursor decode(String text) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      int bar = plain.indexOf('|');
      if (bar < 0) {
        throw new IllegalArgumentException("no separator");
      }
      return new HistoryCursor(OffsetDateTime.parse(plain.substring(0, bar)), plain.substring(bar + 1));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw ApiException.invalid("cursor", "cursor is not one this API returned");
    }
  }
}
