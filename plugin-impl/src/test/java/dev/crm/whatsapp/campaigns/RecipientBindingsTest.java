package dev.crm.whatsapp.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.templates.Binding;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code recipient} bindings of a campaign read the recipient's own list columns. */
class RecipientBindingsTest {
  private static final String NAME = "Ayu";
  private static final String PHONE = "+6281363053471";

  private static String value(Binding binding, Map<String, String> variables) {
    return RunPlan.forVariables(Map.of("body.1", binding), variables, NAME, PHONE).get("body.1").value();
  }

  @Test
  void aColumnOfTheListIsTheValue() {
    assertThat(value(new Binding("recipient", "code", null, "X"), Map.of("code", "A1"))).isEqualTo("A1");
  }

  @Test
  void theListsNameAndPhoneColumnsAreTheRecipientsNameAndPhone() {
    assertThat(value(new Binding("recipient", "name", null, null), Map.of())).isEqualTo(NAME);
    assertThat(value(new Binding("recipient", "Phone", null, null), Map.of())).isEqualTo(PHONE);
  }

  @Test
  void aVariableCalledNameWinsOverTheRecipientsName() {
    assertThat(value(new Binding("recipient", "name", null, null), Map.of("name", "Ayu Lestari"))).isEqualTo("Ayu Lestari");
  }

  @Test
  void aMissingOrBlankColumnTakesTheFallback() {
    assertThat(value(new Binding("recipient", "code", null, "SPRING"), Map.of())).isEqualTo("SPRING");
    assertThat(value(new Binding("recipient", "code", null, "SPRING"), Map.of("code", " "))).isEqualTo("SPRING");
  }

  @Test
  void otherSourcesAreLeftAsTheyAre() {
    Binding lead = new Binding("lead", "first_name", null, "there");
    assertThat(RunPlan.forVariables(Map.of("body.1", lead), Map.of(), NAME, PHONE)).containsEntry("body.1", lead);
  }
}
