package dev.crm.whatsapp.templates;

import static dev.crm.whatsapp.templates.TemplateBuilder.aTemplate;
import static dev.crm.whatsapp.templates.TemplateBuilder.copyCode;
import static dev.crm.whatsapp.templates.TemplateBuilder.phone;
import static dev.crm.whatsapp.templates.TemplateBuilder.quickReply;
import static dev.crm.whatsapp.templates.TemplateBuilder.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.platform.errors.ApiError.Violation;
import dev.crm.whatsapp.templates.TemplateDefinition.HeaderFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per WhatsApp template rule: the change that breaks it, and the one violation it gives. */
class TemplateValidatorTest {

  static Stream<Arguments> rules() {
    return Stream.of(
        row("name is required", t -> t.name(""), "template", "name", "required"),
        row("name at most 512", t -> t.name("a".repeat(513)), "template", "name", "max_length"),
        row("name lowercase, digits, underscore", t -> t.name("Order-Update"), "template", "name", "pattern"),
        row("language is a code", t -> t.language("english"), "template", "language", "pattern"),
        row("category is required", t -> t.category(null), "template", "category", "required"),
        row("text header needs text", t -> t.header(HeaderFormat.TEXT, " "), "header", "header.text", "required"),
        row("header at most 60", t -> t.header(HeaderFormat.TEXT, "h".repeat(61)), "header", "header.text", "max_length"),
        row("header at most one parameter", t -> t.header(HeaderFormat.TEXT, "Hi {{1}} and {{2}}").example("header.2", "x"),
            "header", "header.text", "max_parameters"),
        row("header text only on TEXT headers", t -> t.header(HeaderFormat.LOCATION, "Where"), "header", "header.text",
            "text_only_for_text_header"),
        row("media header needs a sample", t -> t.header(HeaderFormat.IMAGE, null), "header", "examples.header",
            "example_required"),
        row("body is required", t -> t.body(""), "body", "body", "required"),
        row("body at most 1024", t -> t.body("Hi {{1}}, your order {{2}} ships today. " + "b".repeat(1000)),
            "body", "body", "max_length"),
        row("no parameter at the start of the body", t -> t.body("{{1}}, your order {{2}} ships today."), "body", "body",
            "parameter_at_start"),
        row("no parameter at the end of the body", t -> t.body("Hi there, your order ships on {{1}} as {{2}}"), "body",
            "body", "parameter_at_end"),
        row("not too many parameters for the words", t -> t.body("Hi {{1}} {{2}} ok").example("body.1", "a"),
            "body", "body", "too_many_parameters"),
        row("positional parameters contiguous", t -> t.body("Hi {{1}}, your order {{3}} ships today.").example("body.3", "x"),
            "body", "body", "parameters_contiguous"),
        row("positional parameters are numbers", t -> t.body("Hi {{1}}, your order {{order}} ships today.")
            .example("body.order", "x"), "body", "body", "parameter_format"),
        row("named parameters are lowercase names", t -> t.named().header(HeaderFormat.NONE, null)
            .body("Hi {{First}}, your order ships today.").example("body.First", "x"), "body", "body", "parameter_format"),
        row("every parameter has an example", t -> t.noExample("body.2"), "body", "examples.body.2", "example_required"),
        row("footer at most 60", t -> t.footer("f".repeat(61)), "footer", "footer", "max_length"),
        row("footer has no parameters", t -> t.footer("Bye {{1}}"), "footer", "footer", "no_parameters"),
        row("at most 10 buttons", t -> buttons(t, 9).button(url("Shop", "https://shop.example")).button(
            phone("Call", "+6281234567890")), "buttons", "buttons", "max_buttons"),
        row("at most 10 quick replies (the total limit)", t -> buttons(t, 11), "buttons", "buttons", "max_buttons"),
        row("at most 2 url buttons", t -> t.button(url("A", "https://a.example")).button(url("B", "https://b.example"))
            .button(url("C", "https://c.example")), "buttons", "buttons", "max_url_buttons"),
        row("at most 1 phone button", t -> t.button(phone("A", "+6281234567890")).button(phone("B", "+6281234567891")),
            "buttons", "buttons", "max_phone_number_buttons"),
        row("at most 1 copy-code button", t -> t.button(copyCode()).example("buttons.0", "SAVE10").button(copyCode())
            .example("buttons.1", "SAVE20"), "buttons", "buttons", "max_copy_code_buttons"),
        row("quick replies grouped", t -> t.button(quickReply("Yes")).button(url("Shop", "https://shop.example"))
            .button(quickReply("No")), "buttons", "buttons", "quick_replies_grouped"),
        row("button needs a label", t -> t.button(quickReply(" ")), "buttons", "buttons[0].text", "required"),
        row("button label at most 25", t -> t.button(quickReply("q".repeat(26))), "buttons", "buttons[0].text",
            "max_length"),
        row("url is https", t -> t.button(url("Shop", "http://shop.example")), "buttons", "buttons[0].url", "https"),
        row("url has at most one variable", t -> t.button(url("Shop", "https://shop.example/{{1}}/{{2}}")), "buttons",
            "buttons[0].url", "max_parameters"),
        row("url variable at its end", t -> t.button(url("Shop", "https://shop.example/{{1}}/x")).example("buttons.0", "a"),
            "buttons", "buttons[0].url", "parameter_at_end"),
        row("url variable has an example", t -> t.button(url("Shop", "https://shop.example/{{1}}")), "buttons",
            "examples.buttons.0", "example_required"),
        row("phone with country code", t -> t.button(phone("Call", "081234567890")), "buttons",
            "buttons[0].phoneNumber", "phone_format"),
        row("phone at most 20 characters", t -> t.button(phone("Call", "+" + "1".repeat(20))), "buttons",
            "buttons[0].phoneNumber", "phone_format"),
        row("copy code has an example", t -> t.button(copyCode()), "buttons", "examples.buttons.0", "example_required"),
        row("copy code at most 15", t -> t.button(copyCode()).example("buttons.0", "C".repeat(16)), "buttons",
            "examples.buttons.0", "max_length"),
        row("authentication: no header", t -> authentication(t).header(HeaderFormat.TEXT, "Code"), "header",
            "header.format", "authentication_no_header"),
        row("authentication: the code is the one parameter", t -> authentication(t).body("Your code: {{1}} {{2}}")
            .example("body.2", "x"), "body", "body", "authentication_code_parameter"),
        row("authentication: no footer", t -> authentication(t).footer("Thanks"), "footer", "footer",
            "authentication_no_footer"),
        row("authentication: one copy-code button", t -> authentication(t).button(quickReply("Not me")), "buttons",
            "buttons", "authentication_copy_code_button"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRuleGivesItsOwnViolation(String rule, UnaryOperator<TemplateBuilder> breakIt, String component,
      String field, String code) {
    List<Violation> violations = TemplateValidator.check(breakIt.apply(aTemplate()).build());

    assertThat(violations).extracting(Violation::component, Violation::field, Violation::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(component, field, code));
    assertThat(violations.get(0).message()).isNotBlank();
  }

  @Test
  void aValidTemplateWithEveryKindOfPartHasNoViolations() {
    TemplateDefinition template = aTemplate()
        .button(quickReply("Yes")).button(quickReply("No"))
        .button(url("Track", "https://shop.example/track/{{1}}")).example("buttons.2", "A-1001")
        .button(phone("Call us", "+6281234567890"))
        .button(copyCode()).example("buttons.4", "SAVE10")
        .build();

    assertThat(TemplateValidator.check(template)).isEmpty();
  }

  @Test
  void namedParametersWithExamplesAreValid() {
    TemplateDefinition template = aTemplate().named().header(HeaderFormat.TEXT, "Hello {{first_name}}")
        .example("header.first_name", "Ayu").body("Hi {{first_name}}, order {{order_id}} ships today.")
        .example("body.first_name", "Ayu").example("body.order_id", "A-1").build();

    assertThat(TemplateValidator.check(template)).isEmpty();
  }

  @Test
  void everyViolationOfOneTemplateIsReportedTogether() {
    TemplateDefinition template = aTemplate().name("Bad Name").footer("f".repeat(61))
        .button(url("Shop", "http://shop.example")).build();

    assertThat(TemplateValidator.check(template)).extracting(Violation::field)
        .containsExactly("name", "footer", "buttons[0].url");
  }

  @Test
  void anAuthenticationTemplateIsTheCodeAndOneCopyCodeButton() {
    assertThat(TemplateValidator.check(authentication(aTemplate()).build())).isEmpty();
  }

  static TemplateBuilder authentication(TemplateBuilder t) {
    return t.name("login_code").category(TemplateCategory.AUTHENTICATION).header(HeaderFormat.NONE, null)
        .body("{{1}} is your verification code.").footer(null).button(copyCode()).example("body.1", "123456");
  }

  private static TemplateBuilder buttons(TemplateBuilder t, int quickReplies) {
    for (int i = 0; i < quickReplies; i++) {
      t.button(quickReply("Option " + i));
    }
    return t;
  }

  private static Arguments row(String rule, UnaryOperator<TemplateBuilder> breakIt, String component, String field,
      String code) {
    return Arguments.of(rule, breakIt, component, field, code);
  }
}
