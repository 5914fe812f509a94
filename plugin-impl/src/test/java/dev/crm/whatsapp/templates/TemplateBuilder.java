package dev.crm.whatsapp.templates;

import dev.crm.whatsapp.templates.TemplateDefinition.Button;
import dev.crm.whatsapp.templates.TemplateDefinition.ButtonType;
import dev.crm.whatsapp.templates.TemplateDefinition.Header;
import dev.crm.whatsapp.templates.TemplateDefinition.HeaderFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test data: a valid template by default, changed one part at a time. */
final class TemplateBuilder {
  private String name = "order_update";
  private String language = "en_US";
  private TemplateCategory category = TemplateCategory.UTILITY;
  private ParameterFormat format = ParameterFormat.POSITIONAL;
  private Set<TemplateTag> tags = Set.of(TemplateTag.REMINDER);
  private Header header = new Header(HeaderFormat.TEXT, "Hello {{1}}");
  private String body = "Hi {{1}}, your order {{2}} ships today.";
  private String footer = "Reply STOP to opt out";
  private final List<Button> buttons = new ArrayList<>();
  private final Map<String, String> examples = new HashMap<>(Map.of("header.1", "Ayu", "body.1", "Ayu", "body.2", "A-1001"));

  static TemplateBuilder aTemplate() {
    return new TemplateBuilder();
  }

  static Button quickReply(String text) {
    return new Button(ButtonType.QUICK_REPLY, text, null, null);
  }

  static Button url(String text, String url) {
    return new Button(ButtonType.URL, text, url, null);
  }

  static Button phone(String text, String number) {
    return new Button(ButtonType.PHONE_NUMBER, text, null, number);
  }

  static Button copyCode() {
    return new Button(ButtonType.COPY_CODE, null, null, null);
  }

  TemplateBuilder name(String value) { name = value; return this; }
  TemplateBuilder language(String value) { language = value; return this; }
  TemplateBuilder category(TemplateCategory value) { category = value; return this; }
  TemplateBuilder named() { format = ParameterFormat.NAMED; return this; }
  TemplateBuilder tags(TemplateTag... value) { tags = Set.of(value); return this; }
  TemplateBuilder header(HeaderFormat f, String text) { header = new Header(f, text); return this; }
  TemplateBuilder body(String value) { body = value; return this; }
  TemplateBuilder footer(String value) { footer = value; return this; }
  TemplateBuilder button(Button value) { buttons.add(value); return this; }
  TemplateBuilder example(String key, String value) { examples.put(key, value); return this; }
  TemplateBuilder noExample(String key) { examples.remove(key); return this; }

  TemplateDefinition build() {
    return new TemplateDefinition(name, language, category, format, tags, header, body, footer, buttons, examples);
  }
}
