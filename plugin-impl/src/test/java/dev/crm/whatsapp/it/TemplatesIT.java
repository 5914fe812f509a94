package dev.crm.whatsapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Templates over HTTP on the deployed WAR: created and validated, submitted to the sandbox catalog whose
 * decision arrives as a signed status webhook, previewed for a lead, and sent to a lead through the real
 * queue and provider. Permissions and tenants are enforced on the way.
 */
@ExtendWith(PreviousServerGone.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TemplatesIT {
  private static final String ACME_LEAD = "1";

  @Deployment(testable = false)
  static WebArchive plugin() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
  }

  @ArquillianResource URL base;

  private Http http;
  private String marketing;

  @BeforeEach
  void client() throws Exception {
    http = new Http(base.toURI());
    marketing = token("acme", "marketing");
  }

  private String token(String tenant, String group) {
    Http.Answer answer = http.post("api/v1/demo/tokens", null,
        "{\"tenant\":\"" + tenant + "\",\"user\":\"it.user\",\"groups\":[\"" + group + "\"]}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().getString("token");
  }

  private static String template(String name, String body) {
    return "{\"name\":\"" + name + "\",\"language\":\"en_US\",\"category\":\"UTILITY\",\"tags\":[\"FOLLOW_UP\"],"
        + "\"header\":{\"format\":\"TEXT\",\"text\":\"Hello {{1}}\"},\"body\":\"" + body + "\","
        + "\"footer\":\"Reply STOP to opt out\",\"buttons\":[{\"type\":\"QUICK_REPLY\",\"text\":\"Thanks\"},"
        + "{\"type\":\"URL\",\"text\":\"Track\",\"url\":\"https://shop.example/t/{{1}}\"}],"
        + "\"examples\":{\"header.1\":\"Ayu\",\"body.1\":\"Ayu\",\"body.2\":\"A-1001\",\"buttons.1\":\"A-1001\"}}";
  }

  /** Creates a template, first deleting one of that name left by an earlier run on the same database. */
  private String create(String name, String body) {
    http.get("api/v1/templates?q=" + name, marketing).json().getJsonArray("items").getValuesAs(JsonObject.class)
        .stream().filter(t -> t.getString("name").equals(name))
        .forEach(t -> http.delete("api/v1/templates/" + t.getString("id"), marketing));
    Http.Answer created = http.post("api/v1/templates", marketing, template(name, body));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().getString("status")).isEqualTo("DRAFT");
    return created.json().getString("id");
  }

  @Test
  void anApprovedTemplateIsSentToALeadThroughThePipelineAndCounted() throws Exception {
    String id = create("it_order_update", "Hi {{1}}, your order {{2}} ships today.");
    String bindings = "{\"header.1\":{\"source\":\"lead\",\"field\":\"first_name\"},"
        + "\"body.1\":{\"source\":\"lead\",\"field\":\"first_name\",\"fallback\":\"there\"},"
        + "\"body.2\":{\"source\":\"constant\",\"value\":\"A-1001\"},\"buttons.1\":{\"source\":\"constant\",\"value\":\"A-1001\"}}";
    String rep = token("acme", "sales-rep");
    String send = "{\"template\":{\"id\":\"" + id + "\",\"bindings\":" + bindings + "}}";

    Http.Answer early = http.post("api/v1/leads/" + ACME_LEAD + "/messages", rep, send);
    assertThat(early.status()).as(early.body()).isEqualTo(409);
    assertThat(early.json().getString("message")).contains("DRAFT", "only APPROVED");

    Http.Answer submitted = http.post("api/v1/templates/" + id + "/submit", marketing, "");
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    assertThat(submitted.json().getString("status")).isEqualTo("PENDING");
    awaitTemplate(id, t -> t.getString("status").equals("APPROVED"));

    Http.Answer preview = http.post("api/v1/templates/" + id + "/preview", rep,
        "{\"leadId\":\"" + ACME_LEAD + "\",\"bindings\":" + bindings + "}");
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(preview.json().getString("body")).endsWith(", your order A-1001 ships today.");
    JsonObject cloudApi = preview.json().getJsonObject("cloudApiRequest");
    assertThat(cloudApi.getString("type")).isEqualTo("template");
    assertThat(cloudApi.getJsonObject("template").getString("name")).isEqualTo("it_order_update");

    Http.Answer sent = http.post("api/v1/leads/" + ACME_LEAD + "/messages", rep, send);
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    assertThat(sent.json().getString("templateName")).isEqualTo("it_order_update");
    assertThat(sent.json().getString("text")).isEqualTo(preview.json().getString("header") + "\n\n"
        + preview.json().getString("body") + "\n\n" + "Reply STOP to opt out");
    awaitMessage(rep, sent.json().getString("id"), "read");
    assertThat(http.get("api/v1/templates/" + id, rep).json().getInt("usageCount")).isEqualTo(1);
  }

  @Test
  void theSandboxRejectsByItsRuleAndARejectedTemplateCanBeEditedAgain() throws Exception {
    String id = create("it_please_reject", "Hi {{1}}, your order {{2}} ships today.");
    http.post("api/v1/templates/" + id + "/submit", marketing, "");

    JsonObject rejected = awaitTemplate(id, t -> t.getString("status").equals("REJECTED"));
    assertThat(rejected.getString("rejectionReason")).isEqualTo("INVALID_FORMAT");

    Http.Answer edited = http.put("api/v1/templates/" + id, marketing,
        template("it_please_reject", "Hello {{1}}, order {{2}} is on its way."));
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    assertThat(edited.json().getString("body")).isEqualTo("Hello {{1}}, order {{2}} is on its way.");
  }

  @Test
  void anInvalidTemplateIs422WithEveryViolationAndIsNotStored() {
    String bad = template("Bad Name", "{{1}} starts the body and {{2}}").replace("Reply STOP to opt out", "x".repeat(61));

    Http.Answer answer = http.post("api/v1/templates", marketing, bad);

    assertThat(answer.status()).as(answer.body()).isEqualTo(422);
    assertThat(answer.json().getString("error")).isEqualTo("template_invalid");
    assertThat(answer.json().getString("field")).isEqualTo("name");
    assertThat(answer.json().getJsonArray("violations").getValuesAs(JsonObject.class))
        .extracting(v -> v.getString("field") + ":" + v.getString("rule"))
        .containsExactly("name:pattern", "body:parameter_at_start", "body:parameter_at_end", "footer:max_length");
    assertThat(http.get("api/v1/templates?q=Bad", marketing).json().getInt("total")).isZero();
  }

  @Test
  void permissionsAndTenantsAreEnforced() {
    String id = create("it_tenant_check", "Hi {{1}}, your order {{2}} ships today.");
    String rep = token("acme", "sales-rep");
    String globex = token("globex", "marketing");

    Http.Answer repCreates = http.post("api/v1/templates", rep, template("it_by_rep", "Hi {{1}}, order {{2}} ok."));
    assertThat(repCreates.status()).isEqualTo(403);
    assertThat(repCreates.json().getString("message")).contains("lead-whatsapp-template-create");
    assertThat(http.delete("api/v1/templates/" + id, rep).status()).isEqualTo(403);
    assertThat(http.get("api/v1/templates/" + id, rep).status()).isEqualTo(200);
    assertThat(http.get("api/v1/templates", null).status()).isEqualTo(401);

    assertThat(http.get("api/v1/templates/" + id, globex).status()).isEqualTo(404);
    assertThat(http.post("api/v1/templates/" + id + "/submit", globex, "").status()).isEqualTo(404);
    assertThat(http.delete("api/v1/templates/" + id, globex).status()).isEqualTo(404);
    assertThat(http.get("api/v1/templates?q=it_tenant_check", globex).json().getInt("total")).isZero();
    assertThat(http.get("api/v1/templates?q=it_tenant_check&tag=follow-up", marketing).json().getInt("total")).isEqualTo(1);
    assertThat(http.get("api/v1/templates?status=NOPE", marketing).json().getString("field")).isEqualTo("status");
  }

  @Test
  void aMessageIsTextOrTemplateNeverBoth() {
    String rep = token("acme", "sales-rep");
    Http.Answer both = http.post("api/v1/leads/" + ACME_LEAD + "/messages", rep,
        "{\"text\":\"hi\",\"template\":{\"id\":\"x\"}}");
    Http.Answer neither = http.post("api/v1/leads/" + ACME_LEAD + "/messages", rep, "{}");

    assertThat(both.status()).isEqualTo(400);
    assertThat(both.json().getString("field")).isEqualTo("template");
    assertThat(neither.status()).isEqualTo(400);
    assertThat(neither.json().getString("field")).isEqualTo("text");
  }

  private JsonObject awaitTemplate(String id, Predicate<JsonObject> done) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonObject template = http.get("api/v1/templates/" + id, marketing).json();
    while (!done.test(template) && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
      template = http.get("api/v1/templates/" + id, marketing).json();
    }
    assertThat(done).as(template.toString()).accepts(template);
    return template;
  }

  private void awaitMessage(String token, String id, String status) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    String seen = "";
    while (!status.equals(seen) && Instant.now().isBefore(deadline)) {
      seen = http.get("api/v1/leads/" + ACME_LEAD + "/messages?limit=200", token).json().getJsonArray("items")
          .getValuesAs(JsonObject.class).stream().filter(m -> m.getString("id").equals(id))
          .map(m -> m.getString("status")).findFirst().orElse("");
      if (!status.equals(seen)) {
        Thread.sleep(250);
      }
    }
    assertThat(seen).isEqualTo(status);
  }
}
