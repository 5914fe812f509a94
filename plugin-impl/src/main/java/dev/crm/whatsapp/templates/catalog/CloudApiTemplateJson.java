package dev.crm.whatsapp.templates.catalog;

import dev.crm.whatsapp.platform.Jsonp;
import dev.crm.whatsapp.templates.ParameterFormat;
import dev.crm.whatsapp.templates.TemplateCategory;
import dev.crm.whatsapp.templates.TemplateDefinition;
import dev.crm.whatsapp.templates.TemplateDefinition.Button;
import dev.crm.whatsapp.templates.TemplateDefinition.ButtonType;
import dev.crm.whatsapp.templates.TemplateDefinition.Header;
import dev.crm.whatsapp.templates.TemplateDefinition.HeaderFormat;
import dev.crm.whatsapp.templates.TemplateQuality;
import dev.crm.whatsapp.templates.TemplateStatus;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Templates in the shape of the Graph API's {@code /{WABA_ID}/message_templates}: the body of a
 * submission, and a listed template read back into this plugin's model.
 */
public final class CloudApiTemplateJson {
  private static final Pattern PARAMETER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

  private CloudApiTemplateJson() {}

  /** The creation body; without name, language and category when editing an existing template. */
  public static JsonObject submission(TemplateDefinition t, boolean edit) {
    JsonObjectBuilder json = Jsonp.createObjectBuilder();
    if (!edit) {
      json.add("name", t.name()).add("language", t.language());
    }
    json.add("category", t.category().name());
    if (t.parameterFormat() == ParameterFormat.NAMED) {
      json.add("parameter_format", "NAMED");
    }
    JsonArrayBuilder components = Jsonp.createArrayBuilder();
    if (t.category() == TemplateCategory.AUTHENTICATION) {
      // Meta's one-time-password shape: Meta writes the text; the button copies the code.
      return json.add("components", components
          .add(Jsonp.createObjectBuilder().add("type", "BODY").add("add_security_recommendation", true))
          .add(Jsonp.createObjectBuilder().add("type", "BUTTONS").add("buttons", Jsonp.createArrayBuilder()
              .add(Jsonp.createObjectBuilder().add("type", "OTP").add("otp_type", "COPY_CODE"))))).build();
    }
    header(t).ifPresent(components::add);
    components.add(text("BODY", t.body(), "body", t));
    if (t.footer() != null && !t.footer().isEmpty()) {
      components.add(Jsonp.createObjectBuilder().add("type", "FOOTER").add("text", t.footer()));
    }
    if (!t.buttons().isEmpty()) {
      JsonArrayBuilder buttons = Jsonp.createArrayBuilder();
      for (int i = 0; i < t.buttons().size(); i++) {
        buttons.add(button(t, i, t.buttons().get(i)));
      }
      components.add(Jsonp.createObjectBuilder().add("type", "BUTTONS").add("buttons", buttons));
    }
    return json.add("components", components).build();
  }

  private static java.util.Optional<JsonObjectBuilder> header(TemplateDefinition t) {
    HeaderFormat format = t.header().format();
    if (format == HeaderFormat.NONE) {
      return java.util.Optional.empty();
    }
    if (format == HeaderFormat.TEXT) {
      return java.util.Optional.of(text("HEADER", t.header().text(), "header", t).add("format", "TEXT"));
    }
    JsonObjectBuilder header = Jsonp.createObjectBuilder().add("type", "HEADER").add("format", format.name());
    if (format.media()) {
      header.add("example", Jsonp.createObjectBuilder()
          .add("header_handle", Jsonp.createArrayBuilder().add(t.examples().get("header"))));
    }
    return java.util.Optional.of(header);
  }

  /** A HEADER or BODY with its examples, positional or named as Meta wants each. */
  private static JsonObjectBuilder text(String type, String text, String component, TemplateDefinition t) {
    JsonObjectBuilder json = Jsonp.createObjectBuilder().add("type", type).add("text", text);
    List<String> names = new ArrayList<>(new java.util.LinkedHashSet<>(parameters(text)));
    if (names.isEmpty()) {
      return json;
    }
    String key = component.equals("header") ? "header_text" : "body_text";
    JsonArrayBuilder examples = Jsonp.createArrayBuilder();
    if (t.parameterFormat() == ParameterFormat.NAMED) {
      names.forEach(n -> examples.add(Jsonp.createObjectBuilder().add("param_name", n)
          .add("example", t.examples().getOrDefault(component + "." + n, ""))));
      return json.add("example", Jsonp.createObjectBuilder().add(key + "_named_params", examples));
    }
    names.sort(java.util.Comparator.comparingInt(Integer::parseInt));
    names.forEach(n -> examples.add(t.examples().getOrDefault(component + "." + n, "")));
    // Meta wants the body's positional examples as one row inside an array, the header's flat.
    JsonValue value = component.equals("body") ? Jsonp.createArrayBuilder().add(examples).build() : examples.build();
    return json.add("example", Jsonp.createObjectBuilder().add(key, value));
  }

  private static JsonObjectBuilder button(TemplateDefinition t, int index, Button button) {
    JsonObjectBuilder json = Jsonp.createObjectBuilder().add("type", button.type().name());
    String example = t.examples().get("buttons." + index);
    switch (button.type()) {
      case URL:
        json.add("text", button.text()).add("url", button.url());
        if (!parameters(button.url()).isEmpty()) {
          json.add("example", Jsonp.createArrayBuilder().add(PARAMETER.matcher(button.url())
              .replaceAll(Matcher.quoteReplacement(example == null ? "" : example))));
        }
        return json;
      case PHONE_NUMBER:
        return json.add("text", button.text()).add("phone_number", button.phoneNumber());
      case COPY_CODE:
        return json.add("example", example == null ? "" : example);
      default:
        return json.add("text", button.text());
    }
  }

  /** A listed template, read back; parts this plugin does not model are left out. */
  public static RemoteTemplate remote(JsonObject json) {
    TemplateStatus status = TemplateStatus.fromProvider(json.getString("status", null)).orElse(TemplateStatus.PENDING);
    JsonObject quality = json.containsKey("quality_score") && json.get("quality_score") instanceof JsonObject q ? q : null;
    String reason = json.getString("rejected_reason", null);
    TemplateDefinition definition;
    try {
      definition = definition(json);
    } catch (RuntimeException notModelled) {
      // A component kind this plugin does not model (e.g. a carousel): status still applies, no import.
      definition = null;
    }
    return new RemoteTemplate(string(json, "id"), status, "NONE".equals(reason) ? null : reason,
        TemplateQuality.fromProvider(quality == null ? null : quality.getString("score", null)), definition);
  }

  private static TemplateDefinition definition(JsonObject json) {
    ParameterFormat format = "NAMED".equalsIgnoreCase(json.getString("parameter_format", ""))
        ? ParameterFormat.NAMED : ParameterFormat.POSITIONAL;
    TemplateCategory category = null;
    for (TemplateCategory c : TemplateCategory.values()) {
      category = c.name().equalsIgnoreCase(json.getString("category", "")) ? c : category;
    }
    Header header = null;
    String body = null;
    String footer = null;
    List<Button> buttons = new ArrayList<>();
    Map<String, String> examples = new HashMap<>();
    JsonArray components = json.containsKey("components") ? json.getJsonArray("components") : JsonValue.EMPTY_JSON_ARRAY;
    for (JsonObject c : components.getValuesAs(JsonObject.class)) {
      switch (c.getString("type", "").toUpperCase()) {
        case "HEADER":
          HeaderFormat hf = HeaderFormat.valueOf(c.getString("format", "TEXT").toUpperCase());
          header = new Header(hf, c.getString("text", null));
          if (hf == HeaderFormat.TEXT) {
            examples(c, "header", format, examples);
          } else if (c.get("example") instanceof JsonObject ex && ex.get("header_handle") instanceof JsonArray handles
              && !handles.isEmpty()) {
            examples.put("header", handles.getString(0));
          }
          break;
        case "BODY":
          body = c.getString("text", null);
          examples(c, "body", format, examples);
          break;
        case "FOOTER":
          footer = c.getString("text", null);
          break;
        case "BUTTONS":
          for (JsonObject b : c.getJsonArray("buttons").getValuesAs(JsonObject.class)) {
            buttons.add(new Button(ButtonType.valueOf(b.getString("type").toUpperCase()), b.getString("text", null),
                b.getString("url", null), b.getString("phone_number", null)));
          }
          break;
        default:
          break;
      }
    }
    return new TemplateDefinition(json.getString("name", null), json.getString("language", null), category, format,
        Set.of(), header, body, footer, buttons, examples);
  }

  private static void examples(JsonObject component, String name, ParameterFormat format, Map<String, String> into) {
    if (!(component.get("example") instanceof JsonObject example)) {
      return;
    }
    String key = name + "_text";
    if (example.get(key + "_named_params") instanceof JsonArray named) {
      named.getValuesAs(JsonObject.class).forEach(p -> into.put(name + "." + p.getString("param_name", ""),
          p.getString("example", "")));
    } else if (example.get(key) instanceof JsonArray positional && !positional.isEmpty()) {
      JsonArray row = positional.get(0) instanceof JsonArray nested ? nested : positional;
      for (int i = 0; i < row.size(); i++) {
        into.put(name + "." + (i + 1), row.getString(i, ""));
      }
    }
  }

  private static List<String> parameters(String text) {
    List<String> names = new ArrayList<>();
    if (text != null) {
      Matcher m = PARAMETER.matcher(text);
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  private static String string(JsonObject json, String key) {
    JsonValue value = json.get(key);
    return value == null ? null : value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
  }
}
