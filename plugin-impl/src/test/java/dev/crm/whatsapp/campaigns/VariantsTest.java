package dev.crm.whatsapp.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.platform.errors.ApiException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A/B variants: the rules a request must keep, and a deterministic assignment that follows the percentages. */
class VariantsTest {
  private static final List<Variant> SEVENTY_THIRTY = List.of(
      new Variant("A", "template-a", null, 70), new Variant("B", "template-b", null, 30));

  @Test
  void theSameRecipientAlwaysGetsTheSameVariantOfACampaign() {
    PhoneNumber ayu = PhoneNumber.of("+6281363053471");
    String first = Variants.assign(SEVENTY_THIRTY, "campaign-1", ayu).key();
    for (int i = 0; i < 20; i++) {
      assertThat(Variants.assign(SEVENTY_THIRTY, "campaign-1", ayu).key()).isEqualTo(first);
    }
  }

  @Test
  void tenThousandRecipientsSplitCloseToThePercentages() {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 10_000; i++) {
      PhoneNumber phone = PhoneNumber.of("+62812" + String.format("%07d", i));
      counts.merge(Variants.assign(SEVENTY_THIRTY, "campaign-1", phone).key(), 1, Integer::sum);
    }
    // a fair hash: within 2 percentage points of 70/30 (the binomial standard deviation is under 0.5)
    assertThat(counts.get("A")).isBetween(6_800, 7_200);
    assertThat(counts.get("B")).isBetween(2_800, 3_200);
  }

  @Test
  void anotherCampaignSplitsTheSamePeopleDifferently() {
    int differ = 0;
    for (int i = 0; i < 1_000; i++) {
      PhoneNumber phone = PhoneNumber.of("+62812" + String.format("%07d", i));
      if (!Variants.assign(SEVENTY_THIRTY, "campaign-1", phone).key()
          .equals(Variants.assign(SEVENTY_THIRTY, "campaign-2", phone).key())) {
        differ++;
      }
    }
    assertThat(differ).isGreaterThan(200);
  }

  @Test
  void percentsMustAddUpTo100() {
    assertThatThrownBy(() -> Variants.validate(List.of(new Variant("A", "t", null, 50), new Variant("B", "t", null, 40))))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.body().field()).isEqualTo("variants");
          assertThat(e.getMessage()).contains("add up to 90");
        });
  }

  @Test
  void aCampaignHasAtLeastTwoVariantsWithUniqueShortKeysAndATemplateEach() {
    assertThatThrownBy(() -> Variants.validate(List.of(new Variant("A", "t", null, 100))))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.body().field()).isEqualTo("variants"));
    assertThatThrownBy(() -> Variants.validate(List.of(new Variant("A", "t", null, 50),
        new Variant("A", "t", null, 50))))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.body().field()).isEqualTo("variants[1].key"));
    assertThatThrownBy(() -> Variants.validate(List.of(new Variant("TOOLONGKEY", "t", null, 50),
        new Variant("B", "t", null, 50))))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.body().field()).isEqualTo("variants[0].key"));
    assertThatThrownBy(() -> Variants.validate(List.of(new Variant("A", "t", null, 50),
        new Variant("B", " ", null, 50))))
        .isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.body().field()).isEqualTo("variants[1].templateId"));
  }
}
