package dev.crm.whatsapp.templates;

import dev.crm.whatsapp.platform.errors.ApiError.Violation;
import dev.crm.whatsapp.templates.TemplateDefinition.Button;
import dev.crm.whatsapp.templates.TemplateDefinition.ButtonType;
import dev.crm.whatsapp.templates.TemplateDefinition.HeaderFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks a template against WhatsApp's rules (docs/templates.md lists them) before it is stored or
 * submitted, and reports every violation, not just the first.
 */
public final class TemplateValidator {
  public static final int NAME_MAX = 512;
  public static final int HEADER_TEXT_MAX = 60;
  public static final int BODY_MAX = 1024;
  public static final int FOOTER_MAX = 60;
  public static final int BUTTONS_MAX = 10;
  public static final int QUICK_REPLIES_MAX = 10;
  public static final int URL_BUTTONS_MAX = 2;
  public static final int PHONE_BUTTONS_MAX = 1;
  public static final int COPY_CODE_BUTTONS_MAX = 1;
  public static final int BUTTON_LABEL_MAX = 25;
  public static final int PHONE_MAX = 20;
  public static final int COPY_CODE_MAX = 15;
  public static final int URL_MAX = 2000;

  private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");
  private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Pattern WORD_BREAK = Pattern.compile("[\\s\\p{Punct}]+");

  private final List<Violation> violations = new ArrayList<>();
  private final TemplateDefinition template;

  private TemplateValidator(TemplateDefinition template) {
    this.template = template;
  }

  /** Every rule {@code template} breaks; empty when it may be stored and submitted. */
  public static List<Violation> check(TemplateDefinition template) {
    TemplateValidator validator = new TemplateValidator(template);
    validator.identity();
    if (template.category() == TemplateCategory.AUTHENTICATION) {
      validator.authentication();
      return List.copyOf(validator.violations);
    }
    validator.header();
    validator.body();
    validator.footer();
    validator.buttons();
    return List.copyOf(validator.violations);
  }

  /**
   * Meta writes the text of authentication templates itself ("{{1}} is your verification code.", in the
   * template's language): the plugin's template holds the code as the body's one parameter and one
   * copy-code button, and nothing else.
   */
  private void authentication() {
    if (template.header().format() != HeaderFormat.NONE) {
      add("header", "header.format", "authentication_no_header", "an AUTHENTICATION template has no header");
    }
    List<String> parameters = Placeholders.in(template.body());
    if (template.body() == null || !parameters.equals(List.of("1"))) {
      add("body", "body", "authentication_code_parameter",
          "an AUTHENTICATION template's body has exactly one parameter, {{1}}, the code (e.g. \"{{1}} is your verification code.\")");
    } else if (blank(template.examples().get("body.1"))) {
      add("body", "examples.body.1", "example_required", "the code parameter {{1}} needs an example value");
    }
    if (template.footer() != null && !template.footer().isEmpty()) {
      add("footer", "footer", "authentication_no_footer", "an AUTHENTICATION template has no footer");
    }
    if (template.buttons().size() != 1 || template.buttons().get(0) == null
        || template.buttons().get(0).type() != ButtonType.COPY_CODE) {
      add("buttons", "buttons", "authentication_copy_code_button",
          "an AUTHENTICATION template has exactly one button, a COPY_CODE button carrying the code");
    }
  }

  private void identity() {
    String name = template.name();
    if (name == null || name.isEmpty()) {
      add("template", "name", "required", "name is required");
    } else {
      if (name.length() > NAME_MAX) {
        add("template", "name", "max_length", "name is at most " + NAME_MAX + " characters");
      }
      if (!NAME.matcher(name).matches()) {
        add("template", "name", "pattern", "name has only lowercase letters, digits and underscores");
      }
    }
    if (template.language() == null || !LANGUAGE.matcher(template.language()).matches()) {
      add("template", "language", "pattern", "language is a language code such as en_US or id");
    }
    if (template.category() == null) {
      add("template", "category", "required", "category is MARKETING, UTILITY or AUTHENTICATION");
    }
  }

  private void header() {
    HeaderFormat format = template.header().format();
    String text = template.header().text();
    if (format != HeaderFormat.TEXT) {
      if (text != null && !text.isEmpty()) {
        add("header", "header.text", "text_only_for_text_header", "header text is allowed only when the header format is TEXT");
      }
      if (format.media() && blank(template.examples().get("header"))) {
        add("header", "examples.header", "example_required",
            "a " + format + " header needs a sample file (examples.header: a link or media handle)");
      }
      return;
    }
    if (text == null || text.isBlank()) {
      add("header", "header.text", "required", "a TEXT header needs text");
      return;
    }
    if (text.length() > HEADER_TEXT_MAX) {
      add("header", "header.text", "max_length", "header text is at most " + HEADER_TEXT_MAX + " characters");
    }
    List<String> parameters = Placeholders.in(text);
    if (parameters.size() > 1) {
      add("header", "header.text", "max_parameters", "header text has at most one parameter");
    }
    parameters(text, "header", "header.text");
  }

  private void body() {
    String text = template.body();
    if (text == null || text.isBlank()) {
      add("body", "body", "required", "body is required");
      return;
    }
    if (text.length() > BODY_MAX) {
      add("body", "body", "max_length", "body is at most " + BODY_MAX + " characters");
    }
    String trimmed = text.strip();
    if (Placeholders.ANY.matcher(trimmed).lookingAt()) {
      add("body", "body", "parameter_at_start", "body may not start with a parameter (Meta error 2388299)");
    }
    if (trimmed.endsWith("}}") && Placeholders.ANY.matcher(trimmed).results()
        .anyMatch(m -> m.end() == trimmed.length())) {
      add("body", "body", "parameter_at_end", "body may not end with a parameter (Meta error 2388299)");
    }
    int parameters = new TreeSet<>(Placeholders.in(text)).size();
    long realWords = java.util.Arrays.stream(WORD_BREAK.split(Placeholders.stripped(text)))
        .filter(w -> !w.isEmpty()).count();
    if (parameters > 0 && realWords < parameters + 1L) {
      add("body", "body", "too_many_parameters",
          "body has " + parameters + " parameters for " + realWords
              + " words; it needs at least one word more than parameters (Meta error 2388293)");
    }
    parameters(text, "body", "body");
  }

  /** Format, contiguity and examples of the parameters of one text component. */
  private void parameters(String text, String component, String field) {
    List<String> names = Placeholders.in(text);
    boolean named = template.parameterFormat() == ParameterFormat.NAMED;
    TreeSet<Integer> positions = new TreeSet<>();
    for (String name : names) {
      if (named ? !Placeholders.NAMED.matcher(name).matches() : !Placeholders.POSITIONAL.matcher(name).matches()) {
        add(component, field, "parameter_format", named
            ? "parameter {{" + name + "}} is not a name of lowercase letters, digits and underscores (parameterFormat NAMED)"
            : "parameter {{" + name + "}} is not a number from 1 (parameterFormat POSITIONAL)");
        continue;
      }
      if (!named) {
        positions.add(Integer.parseInt(name));
      }
      if (blank(template.examples().get(component + "." + name))) {
        add(component, "examples." + component + "." + name, "example_required",
            "parameter {{" + name + "}} of the " + component + " needs an example value");
      }
    }
    if (!positions.isEmpty() && (positions.first() != 1 || positions.last() != positions.size())) {
      add(component, field, "parameters_contiguous",
          "positional parameters are numbered 1, 2, 3 ... without gaps; found " + positions);
    }
  }

  private void footer() {
    String footer = template.footer();
    if (footer == null || footer.isEmpty()) {
      return;
    }
    if (footer.length() > FOOTER_MAX) {
      add("footer", "footer", "max_length", "footer is at most " + FOOTER_MAX + " characters");
    }
    if (!Placeholders.in(footer).isEmpty()) {
      add("footer", "footer", "no_parameters", "footer may not have parameters");
    }
  }

  private void buttons() {
    List<Button> buttons = template.buttons();
    if (buttons.size() > BUTTONS_MAX) {
      add("buttons", "buttons", "max_buttons", "a template has at most " + BUTTONS_MAX + " buttons");
    }
    Map<ButtonType, Integer> limits = Map.of(ButtonType.QUICK_REPLY, QUICK_REPLIES_MAX, ButtonType.URL,
        URL_BUTTONS_MAX, ButtonType.PHONE_NUMBER, PHONE_BUTTONS_MAX, ButtonType.COPY_CODE, COPY_CODE_BUTTONS_MAX);
    for (ButtonType type : ButtonType.values()) {
      long count = buttons.stream().filter(b -> b.type() == type).count();
      // A per-type limit as large as the total (quick replies: 10) is enforced by the total alone.
      if (count > limits.get(type) && limits.get(type) < BUTTONS_MAX) {
        add("buttons", "buttons", "max_" + type.name().toLowerCase() + "_buttons",
            "a template has at most " + limits.get(type) + " " + type + " button(s)");
      }
    }
    quickRepliesGrouped(buttons);
    for (int i = 0; i < buttons.size(); i++) {
      button(i, buttons.get(i));
    }
  }

  private void quickRepliesGrouped(List<Button> buttons) {
    int first = -1;
    int last = -1;
    int count = 0;
    for (int i = 0; i < buttons.size(); i++) {
      if (buttons.get(i).type() == ButtonType.QUICK_REPLY) {
        first = first < 0 ? i : first;
        last = i;
        count++;
      }
    }
    if (count > 0 && last - first + 1 != count) {
      add("buttons", "buttons", "quick_replies_grouped",
          "quick reply buttons are grouped together, not mixed between other buttons");
    }
  }

  private void button(int index, Button button) {
    String field = "buttons[" + index + "]";
    if (button == null || button.type() == null) {
      add("buttons", field + ".type", "required", "a button needs a type: QUICK_REPLY, URL, PHONE_NUMBER or COPY_CODE");
      return;
    }
    if (button.type() != ButtonType.COPY_CODE) {
      if (blank(button.text())) {
        add("buttons", field + ".text", "required", "a " + button.type() + " button needs a label");
      } else if (button.text().length() > BUTTON_LABEL_MAX) {
        add("buttons", field + ".text", "max_length", "a button label is at most " + BUTTON_LABEL_MAX + " characters");
      } else if (!Placeholders.in(button.text()).isEmpty()) {
        add("buttons", field + ".text", "no_parameters", "a button label may not have parameters");
      }
    }
    switch (button.type()) {
      case URL:
        url(index, field, button.url());
        break;
      case PHONE_NUMBER:
        if (button.phoneNumber() == null || button.phoneNumber().length() > PHONE_MAX
            || !PHONE.matcher(button.phoneNumber()).matches()) {
          add("buttons", field + ".phoneNumber", "phone_format",
              "a phone button's number starts with + and the country code, at most " + PHONE_MAX + " characters");
        }
        break;
      case COPY_CODE:
        String code = template.examples().get("buttons." + index);
        if (blank(code)) {
          add("buttons", "examples.buttons." + index, "example_required", "a copy-code button needs an example code");
        } else if (code.length() > COPY_CODE_MAX) {
          add("buttons", "examples.buttons." + index, "max_length", "a copy code is at most " + COPY_CODE_MAX + " characters");
        }
        break;
      default:
        break;
    }
  }

  private void url(int index, String field, String url) {
    if (url == null || url.isBlank()) {
      add("buttons", field + ".url", "required", "a URL button needs a url");
      return;
    }
    if (!url.startsWith("https://") || url.length() <= "https://".length() || url.length() > URL_MAX) {
      add("buttons", field + ".url", "https", "a button url is an https:// address of at most " + URL_MAX + " characters");
    }
    List<String> variables = Placeholders.in(url);
    if (variables.size() > 1) {
      add("buttons", field + ".url", "max_parameters", "a button url has at most one variable");
    } else if (variables.size() == 1) {
      if (!url.endsWith("}}")) {
        add("buttons", field + ".url", "parameter_at_end", "a button url's variable comes at its very end");
      }
      if (blank(template.examples().get("buttons." + index))) {
        add("buttons", "examples.buttons." + index, "example_required", "the url variable needs an example value");
      }
    }
  }

  private void add(String component, String field, String rule, String message) {
    violations.add(new Violation(component, field, rule, message));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
