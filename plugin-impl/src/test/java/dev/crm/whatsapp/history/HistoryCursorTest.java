package dev.crm.whatsapp.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.crm.whatsapp.platform.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HistoryCursorTest {
  private static final OffsetDateTime AT = OffsetDateTime.of(2026, 3, 1, 9, 15, 30, 123_456_000, ZoneOffset.UTC);

  @Test
  void encodedCursorDecodesToTheSamePosition() {
    HistoryCursor cursor = new HistoryCursor(AT, "7d3c2b1a-0000-4000-8000-000000000001");

    assertThat(HistoryCursor.decode(cursor.encode())).isEqualTo(cursor);
  }

  @Test
  void wholeMinutesAndOtherOffsetsSurviveTheRoundTrip() {
    HistoryCursor cursor = new HistoryCursor(OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.ofHours(7)), "m");

    assertThat(HistoryCursor.decode(cursor.encode())).isEqualTo(cursor);
  }

  @Test
  void encodedCursorIsUrlSafe() {
    assertThat(new HistoryCursor(AT, "??>>id").encode()).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void idMayContainTheSeparator() {
    HistoryCursor cursor = new HistoryCursor(AT, "a|b");

    assertThat(HistoryCursor.decode(cursor.encode()).id()).isEqualTo("a|b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage!", "%%%", "bm8tc2VwYXJhdG9y", "bm90LWEtZGF0ZXxpZA", "abc"})
  void cursorThisApiDidNotIssueIsABadRequestNamingCursor(String text) {
    ApiException refused = catchThrowableOfType(() -> HistoryCursor.decode(text), ApiException.class);

    assertThat(refused).isNotNull();
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().field()).isEqualTo("cursor");
  }

  @Test
  void forgedCursorWithABadDateIsABadRequest() {
    String forged = Base64.getUrlEncoder().encodeToString("yesterday|id".getBytes(StandardCharsets.UTF_8));

    ApiException refused = catchThrowableOfType(() -> HistoryCursor.decode(forged), ApiException.class);

    assertThat(refused.body().field()).isEqualTo("cursor");
  }
}
