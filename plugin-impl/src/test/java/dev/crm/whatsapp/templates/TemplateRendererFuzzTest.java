package dev.crm.whatsapp.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.templates.TemplateDefinition.HeaderFormat;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Any template text, bindings and lead data: the renderer answers the filled template or an
 * {@link InvalidTemplateException} naming the parameters it cannot fill; no other exception. A rendered
 * body never keeps a placeholder the template declared.
 */
class TemplateRendererFuzzTest {
  private static final String[] FIELDS = {"name", "first_name", "phone", "status", "attributes.company",
      "attributes.missing", "tags", "owner", "", "attributes."};

  @FuzzTest(maxDuration = "10s")
  void anyTemplateAndBindingsRenderOrNameWhatIsMissing(FuzzedDataProvider data) {
    boolean named = data.consumeBoolean();
    TemplateBuilder builder = aTemplateFrom(data, named);
    Map<String, Binding> bindings = new HashMap<>();
    int count = data.consumeInt(0, 5);
    for (int i = 0; i < count; i++) {
      String key = data.pickValue(new String[] {"body.", "header.", "buttons."})
          + (data.consumeBoolean() ? Integer.toString(data.consumeInt(-1, 4)) : data.consumeString(12));
      bindings.put(key, data.consumeBoolean()
          ? Binding.leadField(data.consumeBoolean() ? data.pickValue(FIELDS) : data.consumeString(20),
              data.consumeBoolean() ? data.consumeString(30) : null)
          : new Binding(data.pickValue(new String[] {"constant", "lead", "recipient", "", "x"}),
              data.consumeString(20), data.consumeString(60), data.consumeString(20)));
    }
    Lead lead = data.consumeBoolean() ? null : new Lead(LeadId.of("7"), TenantId.of("acme"),
        data.consumeString(60), "+6281234567890", data.consumeString(10), null, null, null,
        Instant.parse("2026-01-01T00:00:00Z"), null, Set.of(data.consumeString(10)),
        Map.of("company", data.consumeString(40)));

    try {
      RenderedTemplate rendered = TemplateRenderer.render(builder.build(), bindings, lead, null);
      assertThat(rendered.body()).doesNotContain("{{1}}");
    } catch (InvalidTemplateException unrenderable) {
      assertThat(unrenderable.status()).isEqualTo(422);
    }
  }

  private static TemplateBuilder aTemplateFrom(FuzzedDataProvider data, boolean named) {
    TemplateBuilder builder = TemplateBuilder.aTemplate();
    if (named) {
      builder.named();
    }
    if (data.consumeBoolean()) {
      builder.header(HeaderFormat.NONE, null);
    } else {
      builder.header(HeaderFormat.TEXT, data.consumeString(60));
    }
    if (data.consumeBoolean()) {
      builder.button(TemplateBuilder.url(data.consumeString(20), "https://shop.example/" + data.consumeString(20)));
    }
    return builder.body(data.consumeRemainingAsString());
  }
}
