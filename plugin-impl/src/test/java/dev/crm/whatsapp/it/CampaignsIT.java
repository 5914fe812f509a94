package dev.crm.whatsapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
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
 * Campaigns over HTTP on the deployed WAR: a campaign scheduled a few seconds ahead is started by its EJB
 * timer, fed into the ordinary dispatch queue and sent by the sandbox until every recipient has read; the
 * lifecycle refuses illegal moves with 409; CSV lists are uploaded with their bad lines reported.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CampaignsIT {

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

  @Test
  void aCampaignScheduledAheadIsFiredByItsTimerAndEveryRecipientReads() throws Exception {
    String template = approvedTemplate("it_campaign_hello");
    Http.Answer preview = http.post("api/v1/campaigns/audience-preview", marketing,
        "{\"source\":\"leads\",\"leadIds\":[\"1\",\"2\",\"17\"]}");
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(preview.json().getInt("count")).isEqualTo(2);
    assertThat(preview.json().getJsonObject("excluded").getInt("invalid_phone")).isEqualTo(1);

    Http.Answer created = http.post("api/v1/campaigns", marketing, campaign("Spring hello", template,
        "{\"source\":\"leads\",\"leadIds\":[\"1\",\"2\",\"10\",\"17\"]}"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().getString("id");
    // the server's own clock, from the creation time it answered with
    OffsetDateTime serverNow = OffsetDateTime.parse(created.json().getString("createdAt"));
    Http.Answer scheduled = http.put("api/v1/campaigns/" + id + "/schedule", marketing,
        "{\"kind\":\"AT\",\"at\":\"" + serverNow.plusSeconds(3) + "\",\"zone\":\"Asia/Jakarta\"}");
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
    assertThat(scheduled.json().getString("status")).isEqualTo("SCHEDULED");

    JsonObject done = await(id, c -> c.getJsonObject("counters").getInt("READ") == 3);
    assertThat(done.getInt("run")).isEqualTo(1);
    assertThat(done.getString("status")).isEqualTo("COMPLETED");
    JsonObject recipients = http.get("api/v1/campaigns/" + id + "/recipients?status=read", marketing).json();
    assertThat(recipients.getInt("total")).isEqualTo(3);
    JsonObject history = http.get("api/v1/leads/2/messages?limit=200", marketing).json();
    assertThat(history.getJsonArray("items").getValuesAs(JsonObject.class))
        .anySatisfy(m -> assertThat(m.getString("text")).isEqualTo("Hi Budi, spring offers are here."));

    Http.Answer again = http.post("api/v1/campaigns/" + id + "/launch", marketing, "");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("message")).contains("completed");
  }

  @Test
  void illegalMovesAre409NamingTheStatusAndADraftCanBeDeleted() throws Exception {
    String template = approvedTemplate("it_campaign_moves");
    String id = http.post("api/v1/campaigns", marketing, campaign("Moves", template,
        "{\"source\":\"leads\",\"leadIds\":[\"1\"]}")).json().getString("id");

    Http.Answer pause = http.post("api/v1/campaigns/" + id + "/pause", marketing, "");
    assertThat(pause.status()).isEqualTo(409);
    assertThat(pause.json().getString("message")).isEqualTo("cannot pause a campaign that is draft");
    assertThat(http.post("api/v1/campaigns/" + id + "/resume", marketing, "").status()).isEqualTo(409);
    assertThat(http.get("api/v1/campaigns/" + id, token("globex", "marketing")).status()).isEqualTo(404);
    assertThat(http.delete("api/v1/campaigns/" + id, token("acme", "sales-rep")).status()).isEqualTo(403);
    assertThat(http.delete("api/v1/campaigns/" + id, marketing).status()).isEqualTo(204);
    assertThat(http.get("api/v1/campaigns/" + id, marketing).status()).isEqualTo(404);
  }

  @Test
  void aCampaignWhoseTemplateIsNotApprovedCannotStart() {
    String name = "it_campaign_unapproved";
    String template = http.get("api/v1/templates?q=" + name, marketing).json().getJsonArray("items")
        .getValuesAs(JsonObject.class).stream().filter(t -> t.getString("name").equals(name))
        .map(t -> t.getString("id")).findFirst()
        .orElseGet(() -> http.post("api/v1/templates", marketing, "{\"name\":\"" + name + "\",\"language\":"
            + "\"en_US\",\"category\":\"MARKETING\",\"body\":\"Hi {{1}}, spring offers are here.\","
            + "\"examples\":{\"body.1\":\"Ayu\"}}").json().getString("id"));
    String id = http.post("api/v1/campaigns", marketing, campaign("Unapproved", template,
        "{\"source\":\"leads\",\"leadIds\":[\"1\"]}")).json().getString("id");

    Http.Answer launch = http.post("api/v1/campaigns/" + id + "/launch", marketing, "");

    assertThat(launch.status()).as(launch.body()).isEqualTo(409);
    assertThat(launch.json().getString("error")).isEqualTo("template_not_approved");
    assertThat(http.get("api/v1/campaigns/" + id, marketing).json().getString("status")).isEqualTo("DRAFT");
  }

  @Test
  void aCsvListKeepsGoodRowsReportsBadLinesAndMergesDuplicates() throws Exception {
    String template = approvedTemplate("it_campaign_csv");
    String id = http.post("api/v1/campaigns", marketing, campaign("List", template, "{\"source\":\"list\"}"))
        .json().getString("id");

    Http.Answer upload = http.postText("api/v1/campaigns/" + id + "/recipients/csv", marketing,
        "\uFEFFname;phone;code\nAyu;081363053471;A1\nNobody;12ab;B2\nAyu again;+6281363053471;C3\nBudi;6285719509313;D4\n",
        "text/csv");
    assertThat(upload.status()).as(upload.body()).isEqualTo(200);
    assertThat(upload.json().getInt("added")).isEqualTo(2);
    assertThat(upload.json().getInt("merged")).isEqualTo(1);
    assertThat(upload.json().getInt("invalid")).isEqualTo(1);
    assertThat(upload.json().getJsonArray("errors").getJsonObject(0).getInt("line")).isEqualTo(3);

    JsonObject recipients = http.get("api/v1/campaigns/" + id + "/recipients", marketing).json();
    assertThat(recipients.getInt("total")).isEqualTo(2);
    Http.Answer launched = http.post("api/v1/campaigns/" + id + "/launch", marketing, "");
    assertThat(launched.status()).as(launched.body()).isEqualTo(200);
    JsonObject done = await(id, c -> c.getJsonObject("counters").getInt("READ") == 2);
    assertThat(done.getString("status")).isEqualTo("COMPLETED");
  }

  @Test
  void aRunningCampaignPausesResumesAndCancelSkipsEveryoneStillWaiting() throws Exception {
    String template = approvedTemplate("it_campaign_pause");
    // one message a minute: the test pauses and cancels long before the first is due
    String body = campaign("Slow", template, "{\"source\":\"leads\",\"sources\":[\"website\",\"instagram\"]}")
        .replace("\"throttlePerMinute\":600", "\"throttlePerMinute\":1");
    String id = http.post("api/v1/campaigns", marketing, body).json().getString("id");

    Http.Answer launched = http.post("api/v1/campaigns/" + id + "/launch", marketing, "");
    assertThat(launched.status()).as(launched.body()).isEqualTo(200);
    assertThat(launched.json().getString("status")).isEqualTo("RUNNING");
    int waiting = launched.json().getJsonObject("counters").getInt("PENDING");
    assertThat(waiting).isPositive();

    Http.Answer paused = http.post("api/v1/campaigns/" + id + "/pause?reason=checking", marketing, "");
    assertThat(paused.json().getString("status")).isEqualTo("PAUSED");
    assertThat(paused.json().getString("statusReason")).isEqualTo("checking");
    assertThat(http.post("api/v1/campaigns/" + id + "/resume", marketing, "").json().getString("status"))
        .isEqualTo("RUNNING");
    Http.Answer cancelled = http.post("api/v1/campaigns/" + id + "/cancel", marketing, "");
    assertThat(cancelled.json().getString("status")).isEqualTo("CANCELLED");
    assertThat(cancelled.json().getJsonObject("counters").getInt("PENDING")).isZero();
    assertThat(cancelled.json().getJsonObject("counters").getInt("SKIPPED")).isEqualTo(waiting);

    Http.Answer retry = http.post("api/v1/campaigns/" + id + "/retry-failed", marketing, "");
    assertThat(retry.status()).isEqualTo(409);
    assertThat(retry.json().getString("message")).contains("cancelled");
  }

  @Test
  void aBulkSendIsAnAdHocCampaignThatReachesEveryLead() throws Exception {
    String template = approvedTemplate("it_campaign_bulk");
    String rep = token("acme", "sales-rep");
    Http.Answer sent = http.post("api/v1/leads/bulk-messages", rep, "{\"leadIds\":[\"1\",\"2\"],\"templateId\":\""
        + template + "\",\"bindings\":{\"body.1\":{\"source\":\"lead\",\"field\":\"first_name\"}}}");
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    assertThat(sent.json().getBoolean("adHoc")).isTrue();

    JsonObject done = await(sent.json().getString("id"), c -> c.getJsonObject("counters").getInt("READ") == 2);
    assertThat(done.getString("status")).isEqualTo("COMPLETED");
    Http.Answer neither = http.post("api/v1/leads/bulk-messages", rep, "{\"templateId\":\"" + template + "\"}");
    assertThat(neither.status()).isEqualTo(400);
    assertThat(neither.json().getString("field")).isEqualTo("leadIds");
  }

  private String campaign(String name, String template, String audience) {
    return "{\"name\":\"" + name + "\",\"templateId\":\"" + template + "\",\"bindings\":{\"body.1\":"
        + "{\"source\":\"lead\",\"field\":\"first_name\",\"fallback\":\"there\"}},\"audience\":" + audience
        + ",\"throttlePerMinute\":600}";
  }

  private String token(String tenant, String group) {
    Http.Answer answer = http.post("api/v1/demo/tokens", null,
        "{\"tenant\":\"" + tenant + "\",\"user\":\"it.user\",\"groups\":[\"" + group + "\"]}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().getString("token");
  }

  /** An approved template of this name (created and approved by the sandbox if needed). */
  private String approvedTemplate(String name) throws InterruptedException {
    JsonObject existing = http.get("api/v1/templates?q=" + name, marketing).json().getJsonArray("items")
        .getValuesAs(JsonObject.class).stream().filter(t -> t.getString("name").equals(name)).findFirst()
        .orElse(null);
    String id;
    if (existing == null) {
      Http.Answer created = http.post("api/v1/templates", marketing, "{\"name\":\"" + name
          + "\",\"language\":\"en_US\",\"category\":\"MARKETING\",\"body\":\"Hi {{1}}, spring offers are here.\","
          + "\"examples\":{\"body.1\":\"Ayu\"}}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      id = created.json().getString("id");
      http.post("api/v1/templates/" + id + "/submit", marketing, "");
    } else {
      id = existing.getString("id");
    }
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!http.get("api/v1/templates/" + id, marketing).json().getString("status").equals("APPROVED")
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
    }
    return id;
  }

  private JsonObject await(String id, Predicate<JsonObject> done) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    JsonObject campaign = http.get("api/v1/campaigns/" + id, marketing).json();
    while (!(done.test(campaign) && campaign.getString("status").equals("COMPLETED"))
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      campaign = http.get("api/v1/campaigns/" + id, marketing).json();
    }
    assertThat(done).as(campaign.toString()).accepts(campaign);
    return campaign;
  }
}
