package dev.crm.whatsapp.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNormaliserTest {
  private final PhoneNormaliser indonesia = PhoneNormaliser.forRegion("ID");

  @ParameterizedTest
  @ValueSource(strings = {"0812-3456-7890", "0812 3456 7890", "081234567890", " 0812-3456-7890 "})
  void nationalFormIsReadInTheDefaultRegion(String written) {
    assertThat(indonesia.normalise(written)).contains(PhoneNumber.of("+6281234567890"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"+1 650 253 0000", "+1 (650) 253-0000", "+16502530000"})
  void internationalFormKeepsItsOwnCountry(String written) {
    assertThat(indonesia.normalise(written)).contains(PhoneNumber.of("+16502530000"));
  }

  @Test
  void internationalFormWithoutPlusIsRead() {
    assertThat(indonesia.normalise("6281234567890")).contains(PhoneNumber.of("+6281234567890"));
  }

  @Test
  void internationalFormWithoutPlusOfAnotherCountryIsRead() {
    assertThat(indonesia.normalise("16502530000")).contains(PhoneNumber.of("+16502530000"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345", "+12345", "not a phone", "+62 812", "0000000000"})
  void textThatIsNoValidNumberIsEmpty(String written) {
    assertThat(indonesia.normalise(written)).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t"})
  void blankOrMissingIsEmpty(String written) {
    assertThat(indonesia.normalise(written)).isEmpty();
  }

  @Test
  void overLongTextIsEmptyEvenAroundAValidNumber() {
    String padded = "+1 650 253 0000" + " ".repeat(60);

    assertThat(indonesia.normalise(padded)).isEmpty();
  }

  @Test
  void defaultRegionDecidesNationalForms() {
    PhoneNormaliser unitedStates = PhoneNormaliser.forRegion("US");

    assertThat(unitedStates.normalise("(650) 253-0000")).contains(PhoneNumber.of("+16502530000"));
    assertThat(indonesia.normalise("(650) 253-0000")).contains(PhoneNumber.of("+626502530000"));
  }

  @Test
  void aNumberLibphonenumberAcceptsButLongerThanE164AllowsIsNoPhone() {
    // +49 and 14 digits: valid to libphonenumber's German metadata, 16 digits for E.164's 15
    assertThat(PhoneNormaliser.forRegion("DE").normalise("68788587788585")).isEmpty();
  }
}
