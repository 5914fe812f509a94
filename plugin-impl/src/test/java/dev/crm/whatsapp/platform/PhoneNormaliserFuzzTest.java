package dev.crm.whatsapp.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any text, in any region: the normaliser answers a valid E.164 number or nothing, and never throws.
 * Fuzzed on demand with {@code bench/fuzz.sh}; the normal build replays the corpus in the resources.
 */
class PhoneNormaliserFuzzTest {
  private static final String[] REGIONS = {"ID", "US", "DE", "BR", "IN", "ZZ"};

  @FuzzTest(maxDuration = "10s")
  void anyTextIsANormalisedNumberOrNothing(byte regionChoice, String text) {
    PhoneNormaliser normaliser = PhoneNormaliser.forRegion(REGIONS[Math.floorMod(regionChoice, REGIONS.length)]);

    normaliser.normalise(text).ifPresent(phone -> {
      assertThat(phone.e164()).matches("\\+[1-9][0-9]{6,14}");
      assertThat(normaliser.normalise(phone.e164())).contains(phone);
    });
  }
}
