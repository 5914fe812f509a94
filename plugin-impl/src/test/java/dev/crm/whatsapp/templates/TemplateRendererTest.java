package dev.crm.whatsapp.templates;

import static dev.crm.whatsapp.templates.TemplateBuilder.aTemplate;
import static dev.crm.whatsapp.templates.TemplateBuilder.copyCode;
import static dev.crm.whatsapp.templates.TemplateBuilder.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.api.provider.MessageContent;
import dev.crm.whatsapp.api.provider.MessageContent.Component;
import dev.crm.whatsapp.api.provider.MessageContent.MediaKind;
import dev.crm.whatsapp.api.provider.MessageContent.TextParameter;
import dev.crm.whatsapp.platform.errors.ApiError.Violation;
import dev.crm.whatsapp.providers.cloudapi.CloudApiMessageJson;
import dev.crm.whatsapp.templates.TemplateDefinition.HeaderFormat;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A template filled for one lead: exactly what the recipient reads, or an error naming lead and parameter. */
class TemplateRendererTest {
  private static final Lead AYU = new Lead(LeadId.of("7"), TenantId.of("acme"), "Ayu Lestari", "+6281234567890",
      "contacted", "website", "high", "rep.budi", Instant.parse("2026-01-01T00:00:00Z"), null, Set.of(),
      Map.of("company", "Kopi Nusantara"));
  private static final Lead NAMELESS = new Lead(LeadId.of("8"), TenantId.of("acme"), " ", "+6281234567891",
      null, null, null, null, null, null, Set.of(), Map.of());

  @Test
  void positionalParametersAreFilledFromLeadFieldsAndConstants() {
    TemplateDefinition template = aTemplate().build();
    RenderedTemplate rendered = TemplateRenderer.render(template, Map.of(
        "header.1", Binding.leadField("first_name", null),
        "body.1", Binding.leadField("name", null),
        "body.2", Binding.constant("A-1001")), AYU, null);

    assertThat(rendered.header()).isEqualTo("Hello Ayu");
    assertThat(rendered.body()).isEqualTo("Hi Ayu Lestari, your order A-1001 ships today.");
    assertThat(rendered.footer()).isEqualTo("Reply STOP to opt out");
    assertThat(rendered.content().components()).containsExactly(
        new Component("header", null, null, List.of(new TextParameter("Ayu", null))),
        new Component("body", null, null, List.of(new TextParameter("Ayu Lestari", null), new TextParameter("A-1001", null))));
  }

  @Test
  void positionalParametersGoToTheProviderInNumericOrderWhateverTheTextOrder() {
    TemplateDefinition template = aTemplate().header(HeaderFormat.NONE, null)
        .body("Order {{2}} for {{1}} ships today.").build();
    RenderedTemplate rendered = TemplateRenderer.render(template, Map.of(
        "body.1", Binding.constant("Ayu"), "body.2", Binding.constant("A-1")), AYU, null);

    assertThat(rendered.body()).isEqualTo("Order A-1 for Ayu ships today.");
    assertThat(rendered.content().components().get(0).parameters())
        .containsExactly(new TextParameter("Ayu", null), new TextParameter("A-1", null));
  }

  @Test
  void namedParametersCarryTheirNamesAndHostAttributesCanBeBound() {
    TemplateDefinition template = aTemplate().named().header(HeaderFormat.NONE, null)
        .body("Hi {{first_name}}, welcome from {{company}} team.").build();
    RenderedTemplate rendered = TemplateRenderer.render(template, Map.of(
        "body.first_name", Binding.leadField("first_name", null),
        "body.company", Binding.leadField("attributes.company", null)), AYU, null);

    assertThat(rendered.body()).isEqualTo("Hi Ayu, welcome from Kopi Nusantara team.");
    assertThat(rendered.content().components().get(0).parameters()).containsExactly(
        new TextParameter("Ayu", "first_name"), new TextParameter("Kopi Nusantara", "company"));
  }

  @Test
  void anEmptyLeadFieldUsesTheFallback() {
    TemplateDefinition template = aTemplate().header(HeaderFormat.NONE, null).build();
    RenderedTemplate rendered = TemplateRenderer.render(template, Map.of(
        "body.1", Binding.leadField("first_name", "there"),
        "body.2", new Binding("recipient", null, "", "your order")), NAMELESS, null);

    assertThat(rendered.body()).isEqualTo("Hi there, your order your order ships today.");
  }

  @Test
  void anEmptyValueWithoutFallbackIsRefusedNamingTheLeadAndTheParameter() {
    TemplateDefinition template = aTemplate().header(HeaderFormat.NONE, null).build();

    assertThatThrownBy(() -> TemplateRenderer.render(template, Map.of(
        "body.1", Binding.leadField("status", null), "body.2", Binding.constant("A-1")), NAMELESS, null))
        .isInstanceOfSatisfying(InvalidTemplateException.class, e -> {
          assertThat(e.violations()).extracting(Violation::field, Violation::rule)
              .containsExactly(org.assertj.core.groups.Tuple.tuple("bindings.body.1", "empty"));
          assertThat(e.violations().get(0).message()).startsWith("lead 8: parameter body.1");
        });
  }

  @Test
  void aValueThatMakesTheHeaderTooLongIsRefused() {
    TemplateDefinition template = aTemplate().build();

    assertThatThrownBy(() -> TemplateRenderer.render(template, Map.of(
        "header.1", Binding.constant("x".repeat(60)), "body.1", Binding.constant("Ayu"),
        "body.2", Binding.constant("A-1")), AYU, null))
        .isInstanceOfSatisfying(InvalidTemplateException.class, e -> assertThat(e.violations())
            .extracting(Violation::field, Violation::rule)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("bindings.header.1", "too_long")));
  }

  @Test
  void controlCharactersAndUnboundParametersAreAllReportedTogether() {
    TemplateDefinition template = aTemplate().header(HeaderFormat.NONE, null).build();

    assertThatThrownBy(() -> TemplateRenderer.render(template, Map.of(
        "body.1", Binding.constant("Ayu\nLestari")), AYU, null))
        .isInstanceOfSatisfying(InvalidTemplateException.class, e -> assertThat(e.violations())
            .extracting(Violation::field, Violation::rule)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("bindings.body.1", "control_characters"),
                org.assertj.core.groups.Tuple.tuple("bindings.body.2", "binding_required")));
  }

  @Test
  void anUnknownBindingSourceIsRefused() {
    TemplateDefinition template = aTemplate().header(HeaderFormat.NONE, null).build();

    assertThatThrownBy(() -> TemplateRenderer.render(template, Map.of(
        "body.1", new Binding("crm", "name", null, null), "body.2", Binding.constant("A")), AYU, null))
        .isInstanceOfSatisfying(InvalidTemplateException.class, e -> assertThat(e.violations())
            .extracting(Violation::rule).containsExactly("unknown_source"));
  }

  @Test
  void withoutALeadTheExamplesShowAsSampleValues() {
    RenderedTemplate rendered = TemplateRenderer.render(aTemplate().build(), Map.of(), null, null);

    assertThat(rendered.header()).isEqualTo("Hello Ayu");
    assertThat(rendered.body()).isEqualTo("Hi Ayu, your order A-1001 ships today.");
  }

  @Test
  void urlAndCopyCodeButtonsAndAMediaHeaderBecomeTheirCloudApiComponents() {
    TemplateDefinition template = aTemplate().header(HeaderFormat.IMAGE, null).example("header", "4::aW1h")
        .button(url("Track", "https://shop.example/t/{{1}}")).example("buttons.0", "A-1")
        .button(copyCode()).example("buttons.1", "SAVE10").build();
    MessageContent.Media image = new MessageContent.Media(MediaKind.IMAGE, "https://cdn.example/p.jpg", null, null, null);

    RenderedTemplate rendered = TemplateRenderer.render(template, Map.of(
        "body.1", Binding.leadField("first_name", null), "body.2", Binding.constant("A-1"),
        "buttons.0", Binding.constant("A-1"), "buttons.1", Binding.constant("AYU10")), AYU, image);

    assertThat(rendered.buttons()).extracting(RenderedTemplate.RenderedButton::value)
        .containsExactly("https://shop.example/t/A-1", "AYU10");
    String json = CloudApiMessageJson.envelope("6281234567890", rendered.content()).build().toString();
    assertThat(json).isEqualTo("{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
        + "\"to\":\"6281234567890\",\"type\":\"template\",\"template\":{\"name\":\"order_update\","
        + "\"language\":{\"code\":\"en_US\"},\"components\":["
        + "{\"type\":\"header\",\"parameters\":[{\"type\":\"image\",\"image\":{\"link\":\"https://cdn.example/p.jpg\"}}]},"
        + "{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"Ayu\"},{\"type\":\"text\",\"text\":\"A-1\"}]},"
        + "{\"type\":\"button\",\"sub_type\":\"url\",\"index\":\"0\",\"parameters\":[{\"type\":\"text\",\"text\":\"A-1\"}]},"
        + "{\"type\":\"button\",\"sub_type\":\"copy_code\",\"index\":\"1\",\"parameters\":"
        + "[{\"type\":\"coupon_code\",\"coupon_code\":\"AYU10\"}]}]}}");
    assertThat(StoredContent.read(StoredContent.write(rendered.content()))).isEqualTo(rendered.content());
  }

  @Test
  void anAuthenticationTemplateSendsTheCodeInTheBodyAndItsButtonAsMetaWants() {
    TemplateDefinition template = TemplateValidatorTest.authentication(aTemplate()).build();

    RenderedTemplate rendered = TemplateRenderer.render(template, Map.of("body.1", Binding.constant("583920")), AYU, null);

    assertThat(rendered.body()).isEqualTo("583920 is your verification code.");
    assertThat(rendered.content().components()).containsExactly(
        new Component("body", null, null, List.of(new TextParameter("583920", null))),
        new Component("button", "url", 0, List.of(new TextParameter("583920", null))));
  }

  @Test
  void aMediaHeaderWithoutItsFileIsRefused() {
    TemplateDefinition template = aTemplate().header(HeaderFormat.VIDEO, null).example("header", "h").build();

    assertThatThrownBy(() -> TemplateRenderer.render(template, Map.of(
        "body.1", Binding.constant("Ayu"), "body.2", Binding.constant("A")), AYU, null))
        .isInstanceOfSatisfying(InvalidTemplateException.class, e -> assertThat(e.violations())
            .extracting(Violation::field).containsExactly("headerMedia"));
  }
}
