package dev.crm.whatsapp.templates.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.whatsapp.templates.ParameterFormat;
import dev.crm.whatsapp.templates.TemplateCategory;
import dev.crm.whatsapp.templates.TemplateDefinition;
import dev.crm.whatsapp.templates.TemplateDefinition.Button;
import dev.crm.whatsapp.templates.TemplateDefinition.ButtonType;
import dev.crm.whatsapp.templates.TemplateDefinition.Header;
import dev.crm.whatsapp.templates.TemplateDefinition.HeaderFormat;
import dev.crm.whatsapp.templates.TemplateProviderEvent;
import dev.crm.whatsapp.templates.TemplateQuality;
import dev.crm.whatsapp.templates.TemplateStatus;
import dev.crm.whatsapp.templates.TemplateWebhooks;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Submission and sync of templates over real HTTP against a local stub answering with the shapes of
 * Meta's OpenAPI contract ({@code business-messaging-api_v23.0.yaml}, {@code /{Version}/{WABA-ID}/message_templates}).
 */
class CloudApiTemplateCatalogTest {
  private static final String WABA = "102290129340398";
  private static final TemplateDefinition ORDER = new TemplateDefinition("order_update", "en_US",
      TemplateCategory.UTILITY, ParameterFormat.POSITIONAL, Set.of(), new Header(HeaderFormat.TEXT, "Hello {{1}}"),
      "Hi {{1}}, your order {{2}} ships today.", "Reply STOP to opt out",
      List.of(new Button(ButtonType.QUICK_REPLY, "Thanks", null, null),
          new Button(ButtonType.URL, "Track", "https://shop.example/t/{{1}}", null)),
      Map.of("header.1", "Ayu", "body.1", "Ayu", "body.2", "A-1001", "buttons.1", "A-1001"));

  private GraphStub graph;
  private CloudApiTemplateCatalog catalog;

  @BeforeEach
  void start() throws Exception {
    graph = new GraphStub();
    catalog = CloudApiTemplateCatalog.at(graph.url(), "v23.0", WABA, "test-token");
  }

  @AfterEach
  void stop() {
    graph.close();
  }

  @Test
  void submitPostsTheTemplateInMetasShapeAndReturnsItsIdAndStatus() {
    graph.answer("POST /v23.0/" + WABA + "/message_templates", 200,
        "{\"id\":\"594425479261596\",\"status\":\"PENDING\",\"category\":\"UTILITY\"}");

    Submission submission = catalog.submit(ORDER, Optional.empty());

    assertThat(submission).isEqualTo(new Submission("594425479261596", TemplateStatus.PENDING));
    GraphStub.Recorded request = graph.requests.get(0);
    assertThat(request.authorization()).isEqualTo("Bearer test-token");
    assertThat(json(request.body())).isEqualTo(json("{\"name\":\"order_update\",\"language\":\"en_US\","
        + "\"category\":\"UTILITY\",\"components\":["
        + "{\"type\":\"HEADER\",\"text\":\"Hello {{1}}\",\"example\":{\"header_text\":[\"Ayu\"]},\"format\":\"TEXT\"},"
        + "{\"type\":\"BODY\",\"text\":\"Hi {{1}}, your order {{2}} ships today.\","
        + "\"example\":{\"body_text\":[[\"Ayu\",\"A-1001\"]]}},"
        + "{\"type\":\"FOOTER\",\"text\":\"Reply STOP to opt out\"},"
        + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"QUICK_REPLY\",\"text\":\"Thanks\"},"
        + "{\"type\":\"URL\",\"text\":\"Track\",\"url\":\"https://shop.example/t/{{1}}\","
        + "\"example\":[\"https://shop.example/t/A-1001\"]}]}]}"));
  }

  @Test
  void anAuthenticationTemplateIsSubmittedInMetasOneTimePasswordShape() {
    graph.answer("POST /v23.0/" + WABA + "/message_templates", 200,
        "{\"id\":\"1\",\"status\":\"PENDING\",\"category\":\"AUTHENTICATION\"}");
    TemplateDefinition login = new TemplateDefinition("login_code", "en_US", TemplateCategory.AUTHENTICATION, null,
        null, null, "{{1}} is your verification code.", null, List.of(new Button(ButtonType.COPY_CODE, null, null, null)),
        Map.of("body.1", "123456"));

    catalog.submit(login, Optional.empty());

    assertThat(json(graph.requests.get(0).body())).isEqualTo(json("{\"name\":\"login_code\",\"language\":\"en_US\","
        + "\"category\":\"AUTHENTICATION\",\"components\":[{\"type\":\"BODY\",\"add_security_recommendation\":true},"
        + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"OTP\",\"otp_type\":\"COPY_CODE\"}]}]}"));
  }

  @Test
  void resubmittingARejectedTemplateEditsItById() {
    graph.answer("POST /v23.0/594425479261596", 200, "{\"success\":true}");

    Submission submission = catalog.submit(ORDER, Optional.of("594425479261596"));

    assertThat(submission).isEqualTo(new Submission("594425479261596", TemplateStatus.PENDING));
    assertThat(json(graph.requests.get(0).body())).doesNotContainKey("name");
  }

  @Test
  void deleteRemovesThatOneTemplateByIdAndName() {
    graph.answer("DELETE /v23.0/" + WABA + "/message_templates", 200, "{\"success\":true}");

    catalog.delete("594425479261596", "order_update");

    assertThat(graph.requests.get(0).method()).isEqualTo("DELETE");
    assertThat(graph.requests.get(0).pathAndQuery())
        .isEqualTo("/v23.0/" + WABA + "/message_templates?hsm_id=594425479261596&name=order_update");
  }

  @Test
  void aRefusalByMetaIsARefusedCatalogExceptionWithMetasMessage() {
    graph.answer("POST /v23.0/" + WABA + "/message_templates", 400, "{\"error\":{\"message\":\"Invalid parameter\","
        + "\"type\":\"OAuthException\",\"code\":100,\"error_subcode\":2388299,\"error_user_title\":\"Variables can't be"
        + " at the start or end of the template\",\"error_user_msg\":\"Variables can't be at the start or end.\","
        + "\"fbtrace_id\":\"AbC\"}}");

    assertThatThrownBy(() -> catalog.submit(ORDER, Optional.empty()))
        .isInstanceOfSatisfying(CatalogException.class, e -> {
          assertThat(e.refused()).isTrue();
          assertThat(e.getMessage()).contains("code 100", "Variables can't be at the start or end.");
        });
  }

  @Test
  void anUnreachableGraphApiIsNotARefusal() {
    graph.close();

    assertThatThrownBy(() -> catalog.list())
        .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.refused()).isFalse());
  }

  @Test
  void syncReadsEveryPageWithStatusReasonQualityAndContent() {
    graph.answer("GET /v23.0/" + WABA + "/message_templates", 200, "{\"data\":[{\"name\":\"order_update\","
        + "\"parameter_format\":\"POSITIONAL\",\"components\":[{\"type\":\"BODY\",\"text\":\"Hi {{1}}, your order ships.\","
        + "\"example\":{\"body_text\":[[\"Ayu\"]]}}],\"language\":\"en_US\",\"status\":\"APPROVED\",\"category\":\"UTILITY\","
        + "\"id\":\"594425479261596\",\"quality_score\":{\"score\":\"GREEN\",\"date\":1700000000}}],"
        + "\"paging\":{\"cursors\":{\"before\":\"MAZDZD\",\"after\":\"MjQZD\"},\"next\":\"" + graph.url() + "/v23.0/" + WABA
        + "/message_templates?limit=100&after=MjQZD\"}}");
    graph.answer("GET /v23.0/" + WABA + "/message_templates?after=MjQZD", 200, "{\"data\":[{\"name\":\"spring_promo\","
        + "\"components\":[{\"type\":\"HEADER\",\"format\":\"IMAGE\",\"example\":{\"header_handle\":[\"4::aW1h\"]}},"
        + "{\"type\":\"BODY\",\"text\":\"Hello {{name}}, spring sale now.\",\"example\":{\"body_text_named_params\":"
        + "[{\"param_name\":\"name\",\"example\":\"Ayu\"}]}},{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"QUICK_REPLY\","
        + "\"text\":\"Stop promotions\"}]}],\"parameter_format\":\"NAMED\",\"language\":\"id\",\"status\":\"REJECTED\","
        + "\"rejected_reason\":\"PROMOTIONAL\",\"category\":\"MARKETING\",\"id\":\"720384716628160\"}],"
        + "\"paging\":{\"cursors\":{\"before\":\"MjQZD\",\"after\":\"MjQZD\"}}}");

    List<RemoteTemplate> templates = catalog.list();

    assertThat(templates).extracting(RemoteTemplate::providerId, RemoteTemplate::status, RemoteTemplate::reason,
        RemoteTemplate::quality).containsExactly(
            org.assertj.core.groups.Tuple.tuple("594425479261596", TemplateStatus.APPROVED, null, TemplateQuality.GREEN),
            org.assertj.core.groups.Tuple.tuple("720384716628160", TemplateStatus.REJECTED, "PROMOTIONAL",
                TemplateQuality.UNKNOWN));
    TemplateDefinition promo = templates.get(1).definition();
    assertThat(promo.parameterFormat()).isEqualTo(ParameterFormat.NAMED);
    assertThat(promo.header().format()).isEqualTo(HeaderFormat.IMAGE);
    assertThat(promo.examples()).containsEntry("header", "4::aW1h").containsEntry("body.name", "Ayu");
    assertThat(promo.category()).isEqualTo(TemplateCategory.MARKETING);
    assertThat(templates.get(0).definition().examples()).containsEntry("body.1", "Ayu");
    assertThat(graph.requests).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer test-token"));
  }

  @Test
  void statusAndQualityWebhooksAreReadInMetasShape() {
    byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + WABA + "\",\"time\":1700000000,"
        + "\"changes\":[{\"value\":{\"event\":\"PAUSED\",\"message_template_id\":594425479261596,"
        + "\"message_template_name\":\"order_update\",\"message_template_language\":\"en_US\",\"reason\":null,"
        + "\"other_info\":{\"title\":\"FIRST_PAUSE\",\"description\":\"paused for low quality\"}},"
        + "\"field\":\"message_template_status_update\"},"
        + "{\"value\":{\"previous_quality_score\":\"GREEN\",\"new_quality_score\":\"RED\","
        + "\"message_template_id\":594425479261596,\"message_template_name\":\"order_update\","
        + "\"message_template_language\":\"en_US\"},\"field\":\"message_template_quality_update\"},"
        + "{\"value\":{\"event\":\"REJECTED\",\"message_template_id\":720384716628160,\"reason\":\"INCORRECT_CATEGORY\"},"
        + "\"field\":\"message_template_status_update\"},"
        + "{\"value\":{\"messaging_product\":\"whatsapp\",\"statuses\":[]},\"field\":\"messages\"}]}]}")
        .getBytes(StandardCharsets.UTF_8);

    List<TemplateProviderEvent> events = TemplateWebhooks.parse(body);

    assertThat(events).containsExactly(
        new TemplateProviderEvent("594425479261596", Optional.of(TemplateStatus.PAUSED), "FIRST_PAUSE",
            Optional.empty()),
        new TemplateProviderEvent("594425479261596", Optional.empty(), null, Optional.of(TemplateQuality.RED)),
        new TemplateProviderEvent("720384716628160", Optional.of(TemplateStatus.REJECTED), "INCORRECT_CATEGORY",
            Optional.empty()));
    assertThat(TemplateWebhooks.parse("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }
}
