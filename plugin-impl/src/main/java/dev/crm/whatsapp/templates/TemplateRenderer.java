package dev.crm.whatsapp.templates;

import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.api.provider.MessageContent;
import dev.crm.whatsapp.api.provider.MessageContent.Component;
import dev.crm.whatsapp.api.provider.MessageContent.MediaParameter;
import dev.crm.whatsapp.api.provider.MessageContent.Parameter;
import dev.crm.whatsapp.api.provider.MessageContent.TextParameter;
import dev.crm.whatsapp.platform.errors.ApiError.Violation;
import dev.crm.whatsapp.templates.RenderedTemplate.RenderedButton;
import dev.crm.whatsapp.templates.TemplateDefinition.Button;
import dev.crm.whatsapp.templates.TemplateDefinition.ButtonType;
import dev.crm.whatsapp.templates.TemplateDefinition.HeaderFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fills a template for one recipient, exactly as they will read it. A parameter that would render empty,
 * too long or with control characters is refused here, naming the lead and the parameter, so that no
 * blank ever reaches the provider (Meta answers an empty parameter with a 400).
 */
public final class TemplateRenderer {
  /** Meta refuses new lines, tabs and more than four consecutive spaces in a parameter (132018). */
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]|\\s{5,}");

  private final TemplateDefinition template;
  private final Map<String, Binding> bindings;
  private final Lead lead;
  private final List<Violation> violations = new ArrayList<>();
  private Map<String, String> lastBodyValues = Map.of();

  private TemplateRenderer(TemplateDefinition template, Map<String, Binding> bindings, Lead lead) {
    this.template = template;
    this.bindings = bindings == null ? Map.of() : bindings;
    this.lead = lead;
  }

  /**
   * @param bindings by parameter key ({@code header.1}, {@code body.first_name}, {@code buttons.0})
   * @param lead the recipient, or {@code null} for a sample rendering, where lead fields show the examples
   * @param headerMedia the file of a media header, or {@code null}
   * @throws InvalidTemplateException naming every parameter that cannot be rendered
   */
  public static RenderedTemplate render(TemplateDefinition template, Map<String, Binding> bindings, Lead lead,
      MessageContent.Media headerMedia) {
    return new TemplateRenderer(template, bindings, lead).render(headerMedia);
  }

  private RenderedTemplate render(MessageContent.Media headerMedia) {
    List<Component> components = new ArrayList<>();
    String header = header(headerMedia, components);
    Map<String, String> bodyValues = values("body", template.body(), TemplateValidator.BODY_MAX);
    lastBodyValues = bodyValues;
    String body = Placeholders.fill(template.body(), name -> bodyValues.getOrDefault(name, ""));
    if (!bodyValues.isEmpty()) {
      components.add(new Component("body", null, null, parameters(bodyValues)));
    }
    List<RenderedButton> buttons = buttons(components);
    if (!violations.isEmpty()) {
      throw new InvalidTemplateException("template_not_renderable", violations);
    }
    String footer = template.footer() == null || template.footer().isEmpty() ? null : template.footer();
    return new RenderedTemplate(header, body, footer, buttons,
        new MessageContent.Template(template.name(), template.language(), components));
  }

  private String header(MessageContent.Media headerMedia, List<Component> components) {
    HeaderFormat format = template.header().format();
    if (format == HeaderFormat.TEXT) {
      Map<String, String> values = values("header", template.header().text(), TemplateValidator.HEADER_TEXT_MAX);
      if (!values.isEmpty()) {
        components.add(new Component("header", null, null, parameters(values)));
      }
      return Placeholders.fill(template.header().text(), name -> values.getOrDefault(name, ""));
    }
    if (format.media()) {
      if (headerMedia == null || !headerMedia.kind().name().equals(format.name())) {
        violations.add(new Violation("header", "headerMedia", "required",
            who() + "the template's " + format + " header needs headerMedia of kind " + format));
        return null;
      }
      components.add(new Component("header", null, null, List.of(new MediaParameter(headerMedia))));
      return headerMedia.link() != null ? headerMedia.link() : headerMedia.mediaId();
    }
    if (format == HeaderFormat.LOCATION) {
      violations.add(new Violation("header", "header", "unsupported",
          "templates with a LOCATION header cannot be sent by this version"));
    }
    return null;
  }

  private String firstBodyValue() {
    return lastBodyValues.getOrDefault("1", "");
  }

  private List<RenderedButton> buttons(List<Component> components) {
    List<RenderedButton> shown = new ArrayList<>();
    for (int i = 0; i < template.buttons().size(); i++) {
      Button button = template.buttons().get(i);
      String key = "buttons." + i;
      if (button.type() == ButtonType.URL && !Placeholders.in(button.url()).isEmpty()) {
        String value = value(key, TemplateValidator.URL_MAX - button.url().length());
        components.add(new Component("button", "url", i, List.of(new TextParameter(value, null))));
        shown.add(new RenderedButton("URL", button.text(), Placeholders.fill(button.url(), name -> value)));
      } else if (button.type() == ButtonType.COPY_CODE && template.category() == TemplateCategory.AUTHENTICATION) {
        // Meta sends an authentication template's copy-code button as a URL button carrying the code.
        String code = firstBodyValue();
        components.add(new Component("button", "url", i, List.of(new TextParameter(code, null))));
        shown.add(new RenderedButton("COPY_CODE", "Copy code", code));
      } else if (button.type() == ButtonType.COPY_CODE) {
        String value = value(key, TemplateValidator.COPY_CODE_MAX);
        components.add(new Component("button", "copy_code", i, List.of(new TextParameter(value, null))));
        shown.add(new RenderedButton("COPY_CODE", "Copy code", value));
      } else {
        String carried = button.type() == ButtonType.URL ? button.url()
            : button.type() == ButtonType.PHONE_NUMBER ? button.phoneNumber() : null;
        shown.add(new RenderedButton(button.type().name(), button.text(), carried));
      }
    }
    return shown;
  }

  /** The value of each distinct parameter of a text, positional ones in numeric order. */
  private Map<String, String> values(String component, String text, int componentMax) {
    List<String> names = new ArrayList<>(new LinkedHashSet<>(Placeholders.in(text)));
    if (template.parameterFormat() == ParameterFormat.POSITIONAL) {
      // numbers in numeric order; anything else (a template the validator would refuse, found by fuzzing:
      // {{°}}) after them rather than a NumberFormatException
      names.sort(Comparator.comparing((String name) -> !Placeholders.POSITIONAL.matcher(name).matches())
          .thenComparing(name -> Placeholders.POSITIONAL.matcher(name).matches() && name.length() < 10
              ? Integer.parseInt(name) : Integer.MAX_VALUE)
          .thenComparing(Comparator.naturalOrder()));
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : names) {
      values.put(name, value(component + "." + name, Integer.MAX_VALUE));
    }
    String filled = Placeholders.fill(text, name -> values.getOrDefault(name, ""));
    if (filled.length() > componentMax) {
      String longest = values.entrySet().stream().max(Comparator.comparingInt(e -> e.getValue().length()))
          .map(Map.Entry::getKey).orElse("");
      violations.add(new Violation(component, "bindings." + component + "." + longest, "too_long",
          who() + "parameter " + component + "." + longest + " makes the " + component + " " + filled.length()
              + " characters long, over its limit of " + componentMax));
    }
    return values;
  }

  private List<Parameter> parameters(Map<String, String> values) {
    boolean named = template.parameterFormat() == ParameterFormat.NAMED;
    List<Parameter> parameters = new ArrayList<>();
    values.forEach((name, value) -> parameters.add(new TextParameter(value, named ? name : null)));
    return parameters;
  }

  private String value(String key, int max) {
    String field = "bindings." + key;
    String component = key.substring(0, key.indexOf('.'));
    Binding binding = bindings.get(key);
    Optional<String> raw;
    if (binding == null) {
      if (lead != null) {
        violations.add(new Violation(component, field, "binding_required",
            who() + "parameter " + key + " has no binding"));
        return "";
      }
      raw = Optional.ofNullable(template.examples().get(key));
    } else {
      raw = resolve(key, binding);
    }
    String value = raw.filter(v -> !v.isBlank())
        .or(() -> Optional.ofNullable(binding == null ? null : binding.fallback()).filter(v -> !v.isBlank()))
        .orElse(null);
    if (value == null) {
      violations.add(new Violation(component, field, "empty",
          who() + "parameter " + key + " renders empty and has no fallback"));
      return "";
    }
    if (CONTROL.matcher(value).find()) {
      violations.add(new Violation(component, field, "control_characters", who() + "parameter " + key
          + " contains new lines, tabs, other control characters or more than four spaces in a row"));
    }
    if (value.length() > max) {
      violations.add(new Violation(component, field, "too_long",
          who() + "parameter " + key + " is " + value.length() + " characters, over its limit of " + max));
    }
    return value;
  }

  private Optional<String> resolve(String key, Binding binding) {
    String source = binding.source() == null ? "" : binding.source().toLowerCase();
    switch (source) {
      case "constant":
      case "recipient":
        return Optional.ofNullable(binding.value());
      case "lead":
        if (lead == null) {
          return Optional.ofNullable(template.examples().get(key));
        }
        Optional<Optional<String>> field = LeadFields.value(lead, binding.field());
        if (field.isEmpty()) {
          violations.add(new Violation(key.substring(0, key.indexOf('.')), "bindings." + key + ".field",
              "unknown_field", "parameter " + key + " is bound to unknown lead field '" + binding.field() + "'"));
          return Optional.of("?");
        }
        return field.get();
      default:
        violations.add(new Violation(key.substring(0, key.indexOf('.')), "bindings." + key + ".source",
            "unknown_source", "parameter " + key + " has source '" + binding.source()
                + "'; use lead, constant or recipient"));
        return Optional.of("?");
    }
  }

  private String who() {
    return lead == null ? "" : "lead " + lead.id().value() + ": ";
  }
}
