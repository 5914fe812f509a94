package dev.crm.whatsapp.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentKeywordsTest {
  private final ConsentKeywords keywords =
      ConsentKeywords.of(List.of("STOP", "UNSUBSCRIBE", "STOP PROMOTIONS", "BERHENTI"), List.of("START"));

  @Test
  void keywordMatchesIgnoringCaseSpacingAndTrailingPunctuation() {
    assertThat(keywords.meaning("stop")).contains(ConsentState.OPTED_OUT);
    assertThat(keywords.meaning("  Stop  promotions!! ")).contains(ConsentState.OPTED_OUT);
    assertThat(keywords.meaning("Berhenti.")).contains(ConsentState.OPTED_OUT);
    assertThat(keywords.meaning("START")).contains(ConsentState.OPTED_IN);
  }

  @Test
  void sentencesContainingAKeywordAreNotConsent() {
    assertThat(keywords.meaning("please stop")).isEmpty();
    assertThat(keywords.meaning("start the demo tomorrow")).isEmpty();
    assertThat(keywords.meaning("")).isEmpty();
    assertThat(keywords.meaning(null)).isEmpty();
  }

  @Test
  void configuredKeywordsReplaceTheDefaults() {
    ConsentKeywords custom = ConsentKeywords.of(List.of("BASTA"), List.of("VOLVER"));

    assertThat(custom.meaning("basta")).contains(ConsentState.OPTED_OUT);
    assertThat(custom.meaning("stop")).isEmpty();
    assertThat(custom.meaning("volver")).contains(ConsentState.OPTED_IN);
  }

  @Test
  void keywordsAreConfiguredPerLanguageAndMatchedWhateverTheLanguage() {
    ConsentKeywords byLanguage = ConsentKeywords.of(
        List.of("en:STOP", "id:BERHENTI", "es:BASTA", "pt_BR:PARAR"), List.of("en:START", "id:MULAI"));

    assertThat(byLanguage.meaning("berhenti")).contains(ConsentState.OPTED_OUT);
    assertThat(byLanguage.meaning("Basta!")).contains(ConsentState.OPTED_OUT);
    assertThat(byLanguage.meaning("parar")).contains(ConsentState.OPTED_OUT);
    assertThat(byLanguage.meaning("mulai")).contains(ConsentState.OPTED_IN);
    assertThat(byLanguage.meaning("en:STOP")).isEmpty();
  }
}
