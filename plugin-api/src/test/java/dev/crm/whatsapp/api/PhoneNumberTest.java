package dev.crm.whatsapp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

  @Test
  void acceptsE164AndGivesTheDigitsTheCloudApiWants() {
    PhoneNumber phone = PhoneNumber.of("+6281234567890");
    assertThat(phone.digits()).isEqualTo("6281234567890");
  }

  @ParameterizedTest
  @ValueSource(strings = {"6281234567890", "+0123456789", "+12", "+1234567890123456", "+62 812", ""})
  void refusesAnythingThatIsNotE164(String text) {
    assertThatThrownBy(() -> PhoneNumber.of(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void printsOnlyAMaskedFormSoLogsNeverHoldTheNumber() {
    PhoneNumber phone = PhoneNumber.of("+6281234567890");
    assertThat(phone.toString()).isEqualTo("+62*********90").doesNotContain("8123456");
    assertThat(phone.masked()).hasSameSizeAs(phone.e164());
  }
}
