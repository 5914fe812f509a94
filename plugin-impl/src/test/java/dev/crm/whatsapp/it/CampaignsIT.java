package dev.crm.whatsapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
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
@ExtendWith(PreviousServerGone.class)
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
        "{\"kind\":\"AT\",\"at\":\"" + serverNow.plusMinutes(1) + "\",\"zone\":\"Asia/Jakarta\"}");
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
    assertThat(scheduled.json().getString("status")).isEqualTo("SCHEDULED");
    assertThat(scheduled.json().get("runStartedBy")).as("no run yet").isNull();

    JsonObject done = await(id, c -> c.getJsonObject("counters").getInt("READ") == 3);
    assertThat(done.getInt("run")).isEqualTo(1);
    assertThat(done.getString("status")).isEqualTo("COMPLETED");
    // the catch-up poll leaves a due run to its timer for a minute, so only the timer can have started it
    assertThat(done.getString("runStartedBy")).isEqualTo("TIMER");
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
  void aRecurringCampaignIsStartedByItsTimerAtEachCronTimeEachRunWithItsOwnRecipients() throws Exception {
    String template = approvedTemplate("it_campaign_hello");
    String id = http.post("api/v1/campaigns", marketing, campaign("Every minute", template,
        "{\"source\":\"leads\",\"leadIds\":[\"1\",\"2\",\"10\"]}")).json().getString("id");
    Http.Answer scheduled = http.put("api/v1/campaigns/" + id + "/schedule", marketing,
        "{\"kind\":\"CRON\",\"cron\":\"* * * * *\",\"zone\":\"Asia/Jakarta\"}");
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
    OffsetDateTime firstRun = OffsetDateTime.parse(scheduled.json().getString("nextRunAt"));

    JsonObject first = awaitStatus(id, "SCHEDULED", c -> c.getInt("run") == 1 && read(c) == 3);
    assertThat(first.getString("runStartedBy")).isEqualTo("TIMER");
    OffsetDateTime secondRun = OffsetDateTime.parse(first.getString("nextRunAt"));
    assertThat(secondRun.toInstant()).isEqualTo(firstRun.plusMinutes(1).toInstant());

    JsonObject second = awaitStatus(id, "SCHEDULED", c -> c.getInt("run") == 2 && read(c) == 3);
    assertThat(second.getString("runStartedBy")).isEqualTo("TIMER");
    assertThat(OffsetDateTime.parse(second.getString("nextRunAt")).toInstant())
        .isEqualTo(secondRun.plusMinutes(1).toInstant());
    assertThat(http.get("api/v1/campaigns/" + id + "/recipients?status=read", marketing).json().getInt("total"))
        .as("the second run's own recipients").isEqualTo(3);

    Http.Answer cancelled = http.post("api/v1/campaigns/" + id + "/cancel", marketing, "");
    assertThat(cancelled.json().getString("status")).as(cancelled.body()).isEqualTo("CANCELLED");
    assertThat(cancelled.json().get("nextRunAt")).isNull();
  }

  @Test
  void aCampaignNamesItsSenderNumberAndRetryScheduleAndBadOnesAre400NamingTheField() throws Exception {
    String template = approvedTemplate("it_campaign_hello");
    String admin = token("acme", "admin");
    String sandbox = http.get("api/v1/accounts", admin).jsonArray().getValuesAs(JsonObject.class).stream()
        .filter(a -> a.getString("provider").equals("sandbox")).findFirst().orElseThrow().getString("id");
    String base = campaign("Own number", template, "{\"source\":\"leads\",\"leadIds\":[\"1\"]}");

    Http.Answer good = http.post("api/v1/campaigns", marketing, base.replace("\"throttlePerMinute\"",
        "\"senderAccountId\":\"" + sandbox + "\",\"retry\":{\"backoff\":[\"PT30S\",\"PT2M\"],\"maxAttempts\":3},"
            + "\"throttlePerMinute\""));
    assertThat(good.status()).as(good.body()).isEqualTo(201);
    assertThat(good.json().getString("senderAccountId")).isEqualTo(sandbox);
    assertThat(good.json().getJsonObject("retry").getJsonArray("backoff").getValuesAs(jakarta.json.JsonString.class))
        .extracting(jakarta.json.JsonString::getString).containsExactly("PT30S", "PT2M");
    assertThat(good.json().getJsonObject("retry").getInt("maxAttempts")).isEqualTo(3);

    Map<String, String> bad = Map.of(
        "\"senderAccountId\":\"no-such-number\",", "senderAccountId",
        "\"retry\":{\"backoff\":[\"PT30S\",\"soon\"]},", "retry.backoff[1]",
        "\"retry\":{\"backoff\":[\"P2D\"]},", "retry.backoff[0]",
        "\"retry\":{\"maxAttempts\":0},", "retry.maxAttempts");
    long before = http.get("api/v1/campaigns?size=1", marketing).json().getInt("total");
    for (var entry : bad.entrySet()) {
      Http.Answer refused = http.post("api/v1/campaigns", marketing,
          base.replace("\"throttlePerMinute\"", entry.getKey() + "\"throttlePerMinute\""));
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.json().getString("field")).isEqualTo(entry.getValue());
      assertThat(refused.body()).doesNotContain("Exception");
    }
    assertThat(http.get("api/v1/campaigns?size=1", marketing).json().getInt("total"))
        .as("refused campaigns are not created").isEqualTo(before);
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

  @Test
  void aScheduledCampaignCanBeRescheduledAndUnscheduledUntilItStarts() {
    String template = approvedTemplateQuietly("it_campaign_hello");
    Http.Answer created = http.post("api/v1/campaigns", marketing, campaign("Later", template,
        "{\"source\":\"leads\",\"leadIds\":[\"1\"]}"));
    String id = created.json().getString("id");
    OffsetDateTime serverNow = OffsetDateTime.parse(created.json().getString("createdAt"));

    Http.Answer first = http.put("api/v1/campaigns/" + id + "/schedule", marketing,
        "{\"kind\":\"AT\",\"at\":\"" + serverNow.plusHours(1) + "\",\"zone\":\"UTC\"}");
    Http.Answer moved = http.put("api/v1/campaigns/" + id + "/schedule", marketing,
        "{\"kind\":\"AT\",\"at\":\"" + serverNow.plusHours(2) + "\",\"zone\":\"UTC\"}");
    Http.Answer unscheduled = http.delete("api/v1/campaigns/" + id + "/schedule", marketing);

    assertThat(first.json().getString("status")).isEqualTo("SCHEDULED");
    assertThat(OffsetDateTime.parse(first.json().getString("nextRunAt"))).isEqualTo(serverNow.plusHours(1));
    assertThat(OffsetDateTime.parse(moved.json().getString("nextRunAt"))).isEqualTo(serverNow.plusHours(2));
    assertThat(unscheduled.status()).as(unscheduled.body()).isEqualTo(200);
    assertThat(unscheduled.json().getString("status")).isEqualTo("DRAFT");
    assertThat(unscheduled.json().containsKey("nextRunAt") && !unscheduled.json().isNull("nextRunAt")).isFalse();
    Http.Answer again = http.delete("api/v1/campaigns/" + id + "/schedule", marketing);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("message")).contains("draft");
    Http.Answer past = http.put("api/v1/campaigns/" + id + "/schedule", marketing,
        "{\"kind\":\"AT\",\"at\":\"" + serverNow.minusHours(1) + "\",\"zone\":\"UTC\"}");
    assertThat(past.status()).isEqualTo(422);
    assertThat(past.json().getString("field")).isEqualTo("schedule.at");
  }

  @Test
  void recipientsAreAddedAndRemovedWhileDraftAndACloneCopiesThem() throws Exception {
    String template = approvedTemplate("it_campaign_hello");
    String id = http.post("api/v1/campaigns", marketing, campaign("Hand picked", template, "{\"source\":\"list\"}"))
        .json().getString("id");

    Http.Answer added = http.post("api/v1/campaigns/" + id + "/recipients", marketing, "{\"leadIds\":[\"1\"],"
        + "\"contacts\":[{\"name\":\"Walk-in\",\"phone\":\"081346509725\",\"variables\":{\"code\":\"W1\"}}]}");
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    assertThat(added.json().getInt("count")).isEqualTo(2);
    Http.Answer badPhone = http.post("api/v1/campaigns/" + id + "/recipients", marketing,
        "{\"contacts\":[{\"name\":\"Nobody\",\"phone\":\"12ab\"}]}");
    assertThat(badPhone.status()).isEqualTo(400);
    assertThat(badPhone.json().getString("field")).isEqualTo("contacts[0].phone");
    String walkIn = http.get("api/v1/campaigns/" + id + "/recipients", marketing).json().getJsonArray("items")
        .getValuesAs(JsonObject.class).stream().filter(r -> !r.containsKey("leadId")).findFirst().orElseThrow()
        .getString("id");
    Http.Answer removed = http.post("api/v1/campaigns/" + id + "/recipients/remove", marketing,
        "{\"recipientIds\":[\"" + walkIn + "\"]}");
    assertThat(removed.json().getInt("count")).isEqualTo(1);
    assertThat(http.get("api/v1/campaigns/" + id + "/recipients", marketing).json().getInt("total")).isEqualTo(1);

    Http.Answer copy = http.post("api/v1/campaigns/" + id + "/clone", marketing, "");
    assertThat(copy.status()).as(copy.body()).isEqualTo(201);
    assertThat(copy.json().getString("name")).isEqualTo("Copy of Hand picked");
    assertThat(copy.json().getString("status")).isEqualTo("DRAFT");
    assertThat(http.get("api/v1/campaigns/" + copy.json().getString("id") + "/recipients", marketing).json()
        .getInt("total")).isEqualTo(1);
    assertThat(http.post("api/v1/campaigns/" + id + "/clone", token("globex", "marketing"), "").status())
        .isEqualTo(404);

    assertThat(http.post("api/v1/campaigns/" + id + "/launch", marketing, "").status()).isEqualTo(200);
    Http.Answer late = http.post("api/v1/campaigns/" + id + "/recipients", marketing, "{\"leadIds\":[\"2\"]}");
    assertThat(late.status()).isEqualTo(409);
    assertThat(http.post("api/v1/campaigns/" + id + "/recipients/remove", marketing,
        "{\"recipientIds\":[\"x\"]}").status()).isEqualTo(409);
    await(id, c -> c.getJsonObject("counters").getInt("READ") == 1);
  }

  @Test
  void campaignsAreListedByStatusTextAndDateAPageAtATime() {
    String template = approvedTemplateQuietly("it_campaign_hello");
    String tag = "lst" + System.nanoTime();
    String first = http.post("api/v1/campaigns", marketing, campaign(tag + " one", template,
        "{\"source\":\"list\"}")).json().getString("id");
    Http.Answer second = http.post("api/v1/campaigns", marketing, campaign(tag + " two", template,
        "{\"source\":\"list\"}"));
    OffsetDateTime secondAt = OffsetDateTime.parse(second.json().getString("createdAt"));

    JsonObject all = http.get("api/v1/campaigns?q=" + tag, marketing).json();
    JsonObject drafts = http.get("api/v1/campaigns?status=draft&q=" + tag.toUpperCase(), marketing).json();
    JsonObject running = http.get("api/v1/campaigns?status=running&q=" + tag, marketing).json();
    JsonObject pageTwo = http.get("api/v1/campaigns?q=" + tag + "&size=1&page=1", marketing).json();
    JsonObject future = http.get("api/v1/campaigns?q=" + tag + "&createdFrom=" + secondAt.plusDays(1), marketing)
        .json();
    JsonObject globex = http.get("api/v1/campaigns?q=" + tag, token("globex", "marketing")).json();

    assertThat(all.getInt("total")).isEqualTo(2);
    assertThat(all.getJsonArray("items").getJsonObject(0).getString("name")).isEqualTo(tag + " two");
    assertThat(drafts.getInt("total")).isEqualTo(2);
    assertThat(running.getInt("total")).isZero();
    assertThat(pageTwo.getJsonArray("items")).hasSize(1);
    assertThat(pageTwo.getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(first);
    assertThat(future.getInt("total")).isZero();
    assertThat(globex.getInt("total")).isZero();
    Http.Answer badStatus = http.get("api/v1/campaigns?status=sleeping", marketing);
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(badStatus.json().getString("field")).isEqualTo("status");
    assertThat(http.post("api/v1/campaigns", token("acme", "sales-rep"), campaign(tag + " three", template,
        "{\"source\":\"list\"}")).status()).isEqualTo(403);
  }

  @Test
  void aLeadWhoseOwnZoneIsOutsideTheWindowWaitsAndTheCampaignShowsWhenItResumes() throws Exception {
    String template = approvedTemplate("it_campaign_hello");
    // open now in UTC (lead 29 has no zone: the campaign's, UTC), closed in Jakarta (lead 1, seven hours ahead)
    int hour = OffsetDateTime.now(java.time.ZoneOffset.UTC).getHour();
    String window = String.format("{\"start\":\"%02d:00\",\"end\":\"%02d:00\"}", (hour + 23) % 24, (hour + 2) % 24);
    String body = campaign("Windowed", template, "{\"source\":\"leads\",\"leadIds\":[\"1\",\"29\"]}")
        .replace("\"throttlePerMinute\":600", "\"throttlePerMinute\":600,\"window\":" + window
            + ",\"schedule\":{\"kind\":\"NOW\",\"zone\":\"UTC\"}");
    String id = http.post("api/v1/campaigns", marketing, body).json().getString("id");
    assertThat(http.post("api/v1/campaigns/" + id + "/launch", marketing, "").status()).isEqualTo(200);

    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    JsonObject campaign = http.get("api/v1/campaigns/" + id, marketing).json();
    // resumesAt is absent from the view until a feed finds nobody inside the window
    while (!(campaign.getJsonObject("counters").getInt("READ") == 1 && campaign.containsKey("resumesAt")
        && !campaign.isNull("resumesAt"))
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      campaign = http.get("api/v1/campaigns/" + id, marketing).json();
    }
    assertThat(campaign.getString("status")).as(campaign.toString()).isEqualTo("RUNNING");
    assertThat(campaign.getJsonObject("counters").getInt("PENDING")).isEqualTo(1);
    assertThat(campaign.getJsonObject("counters").getInt("FAILED")).isZero();
    OffsetDateTime resumesAt = OffsetDateTime.parse(campaign.getString("resumesAt"));
    assertThat(resumesAt.atZoneSameInstant(java.time.ZoneId.of("Asia/Jakarta")).getHour())
        .isEqualTo((hour + 23) % 24);
    JsonObject waiting = http.get("api/v1/campaigns/" + id + "/recipients?status=pending", marketing).json();
    assertThat(waiting.getJsonArray("items").getJsonObject(0).getString("leadId")).isEqualTo("1");
    http.post("api/v1/campaigns/" + id + "/cancel", marketing, "");
  }

  @Test
  void abVariantsAreAssignedByTheHashOfCampaignAndPhoneAndEachGetsItsTemplate() throws Exception {
    String a = approvedTemplate("it_campaign_var_a", "Hi {{1}}, variant A offers.");
    String b = approvedTemplate("it_campaign_var_b", "Hi {{1}}, variant B offers.");
    Map<String, String> phones = Map.of("1", "+6281363053471", "2", "+6285719509313", "10", "+6281219946072",
        "20", "+6281269263401", "21", "+6281346509725");
    String variants = "[{\"key\":\"A\",\"templateId\":\"" + a + "\",\"percent\":50,\"bindings\":{\"body.1\":"
        + "{\"source\":\"lead\",\"field\":\"first_name\"}}},{\"key\":\"B\",\"templateId\":\"" + b
        + "\",\"percent\":50,\"bindings\":{\"body.1\":{\"source\":\"lead\",\"field\":\"first_name\"}}}]";
    Http.Answer created = http.post("api/v1/campaigns", marketing, "{\"name\":\"A/B\",\"variants\":" + variants
        + ",\"audience\":{\"source\":\"leads\",\"leadIds\":[\"1\",\"2\",\"10\",\"20\",\"21\"]},"
        + "\"throttlePerMinute\":600}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().getJsonArray("variants")).hasSize(2);
    assertThat(created.json().containsKey("templateId")).isFalse();
    String id = created.json().getString("id");
    Http.Answer both = http.post("api/v1/campaigns", marketing, "{\"name\":\"Both\",\"templateId\":\"" + a
        + "\",\"variants\":" + variants + "}");
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.json().getString("field")).isEqualTo("variants");

    assertThat(http.post("api/v1/campaigns/" + id + "/launch", marketing, "").status()).isEqualTo(200);
    await(id, c -> c.getJsonObject("counters").getInt("READ") == 5);

    List<dev.crm.whatsapp.campaigns.Variant> rules = List.of(new dev.crm.whatsapp.campaigns.Variant("A", a, null, 50),
        new dev.crm.whatsapp.campaigns.Variant("B", b, null, 50));
    for (JsonObject recipient : http.get("api/v1/campaigns/" + id + "/recipients", marketing).json()
        .getJsonArray("items").getValuesAs(JsonObject.class)) {
      String lead = recipient.getString("leadId");
      String expected = dev.crm.whatsapp.campaigns.Variants.assign(rules, id,
          dev.crm.whatsapp.api.PhoneNumber.of(phones.get(lead))).key();
      assertThat(recipient.getString("variant")).as("lead " + lead).isEqualTo(expected);
      assertThat(http.get("api/v1/leads/" + lead + "/messages?limit=200", marketing).json().getJsonArray("items")
          .getValuesAs(JsonObject.class)).anySatisfy(m -> assertThat(m.getString("text"))
              .endsWith("variant " + expected + " offers."));
    }
  }

  @Test
  void directContentReachesOnlyRecipientsInsideTheirServiceWindowOnASandboxNumber() throws Exception {
    // lead 21 wrote a minute ago: its 24-hour window is open; lead 22 never wrote
    byte[] inbound = inbound("wamid.IT.campaign." + System.nanoTime(), "6281346509725", "Halo",
        Instant.now().minusSeconds(60).getEpochSecond());
    assertThat(http.postBytes("api/v1/webhooks/whatsapp", inbound, Map.of("X-Hub-Signature-256",
        dev.crm.whatsapp.webhooks.WebhookSignature.sign("it-app-secret".getBytes(StandardCharsets.UTF_8), inbound)))
        .status()).isEqualTo(200);
    String body = "{\"name\":\"Direct\",\"content\":{\"type\":\"text\",\"text\":\"Your order is ready\"},"
        + "\"audience\":{\"source\":\"leads\",\"leadIds\":[\"21\",\"22\"]},\"throttlePerMinute\":600}";
    Http.Answer created = http.post("api/v1/campaigns", marketing, body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().getJsonObject("content").getString("text")).isEqualTo("Your order is ready");
    String id = created.json().getString("id");

    assertThat(http.post("api/v1/campaigns/" + id + "/launch", marketing, "").status()).isEqualTo(200);
    JsonObject done = await(id, c -> c.getJsonObject("counters").getInt("READ") == 1
        && c.getJsonObject("counters").getInt("SKIPPED") == 1);

    assertThat(done.getString("status")).isEqualTo("COMPLETED");
    JsonObject skipped = http.get("api/v1/campaigns/" + id + "/recipients?status=skipped", marketing).json()
        .getJsonArray("items").getJsonObject(0);
    assertThat(skipped.getString("leadId")).isEqualTo("22");
    assertThat(skipped.getString("errorMessage")).isEqualTo("outside_service_window");
    Http.Answer tooLong = http.post("api/v1/campaigns", marketing, body.replace("Your order is ready",
        "x".repeat(4097)));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().getString("field")).isEqualTo("content.text");
  }

  @Test
  void missingVariableValuesRefuseTheLaunchListingWhoOrSkipThoseRecipients() throws Exception {
    String template = approvedTemplate("it_campaign_hello");
    String body = "{\"name\":\"Codes\",\"templateId\":\"" + template + "\",\"bindings\":{\"body.1\":"
        + "{\"source\":\"recipient\",\"field\":\"code\"}},\"audience\":{\"source\":\"list\"},"
        + "\"throttlePerMinute\":600}";
    String id = http.post("api/v1/campaigns", marketing, body).json().getString("id");
    http.post("api/v1/campaigns/" + id + "/recipients", marketing, "{\"contacts\":["
        + "{\"name\":\"Has code\",\"phone\":\"081363053471\",\"variables\":{\"code\":\"C1\"}},"
        + "{\"name\":\"No code\",\"phone\":\"6285719509313\"}]}");

    Http.Answer refused = http.post("api/v1/campaigns/" + id + "/launch", marketing, "");
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.json().getString("error")).isEqualTo("missing_variables");
    assertThat(refused.json().getString("message")).startsWith("1 recipient misses").contains("body.1");
    assertThat(refused.json().getJsonArray("violations").getJsonObject(0).getString("field")).endsWith("13");
    assertThat(http.get("api/v1/campaigns/" + id, marketing).json().getString("status")).isEqualTo("DRAFT");
    Http.Answer scheduling = http.put("api/v1/campaigns/" + id + "/schedule", marketing,
        "{\"kind\":\"AT\",\"at\":\"2099-01-05T09:00:00+07:00\",\"zone\":\"Asia/Jakarta\"}");
    assertThat(scheduling.status()).as("scheduled runs are checked when scheduled, not only hours later")
        .isEqualTo(422);
    assertThat(scheduling.json().getString("error")).isEqualTo("missing_variables");
    JsonObject unchanged = http.get("api/v1/campaigns/" + id, marketing).json();
    assertThat(unchanged.getString("status")).isEqualTo("DRAFT");
    assertThat(unchanged.getJsonObject("schedule").getString("kind")).isEqualTo("NOW");

    Http.Answer skip = http.put("api/v1/campaigns/" + id, marketing,
        body.replace("\"throttlePerMinute\"", "\"missingVariables\":\"skip\",\"throttlePerMinute\""));
    assertThat(skip.json().getString("missingVariables")).isEqualTo("skip");
    assertThat(http.post("api/v1/campaigns/" + id + "/launch", marketing, "").status()).isEqualTo(200);
    await(id, c -> c.getJsonObject("counters").getInt("READ") == 1 && c.getJsonObject("counters").getInt("SKIPPED") == 1);
    JsonObject skipped = http.get("api/v1/campaigns/" + id + "/recipients?status=skipped", marketing).json()
        .getJsonArray("items").getJsonObject(0);
    assertThat(skipped.getString("errorMessage")).isEqualTo("missing_variables: body.1");

    Http.Answer followUp = http.post("api/v1/campaigns/" + id + "/follow-up", marketing, "{\"from\":\"unresponsive\"}");
    assertThat(followUp.status()).as(followUp.body()).isEqualTo(201);
    assertThat(followUp.json().getString("status")).isEqualTo("DRAFT");
    assertThat(http.get("api/v1/campaigns/" + followUp.json().getString("id") + "/recipients", marketing).json()
        .getInt("total")).isEqualTo(1);
    Http.Answer unknown = http.post("api/v1/campaigns/" + id + "/follow-up", marketing, "{\"from\":\"everyone\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().getString("field")).isEqualTo("from");
  }

  private static byte[] inbound(String wamid, String from, String text, long sentAt) {
    return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"waba-it\",\"changes\":[{\"field\":"
        + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
        + "\"15550783881\",\"phone_number_id\":\"sandbox-number-1\"},\"contacts\":[{\"profile\":{\"name\":\"IT\"},"
        + "\"wa_id\":\"" + from + "\"}],\"messages\":[{\"from\":\"" + from + "\",\"id\":\"" + wamid
        + "\",\"timestamp\":\"" + sentAt + "\",\"type\":\"text\",\"text\":{\"body\":\"" + text + "\"}}]}}]}]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private String approvedTemplateQuietly(String name) {
    try {
      return approvedTemplate(name);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
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
    return approvedTemplate(name, "Hi {{1}}, spring offers are here.");
  }

  private String approvedTemplate(String name, String text) throws InterruptedException {
    JsonObject existing = http.get("api/v1/templates?q=" + name, marketing).json().getJsonArray("items")
        .getValuesAs(JsonObject.class).stream().filter(t -> t.getString("name").equals(name)).findFirst()
        .orElse(null);
    String id;
    if (existing == null) {
      Http.Answer created = http.post("api/v1/templates", marketing, "{\"name\":\"" + name
          + "\",\"language\":\"en_US\",\"category\":\"MARKETING\",\"body\":\"" + text + "\","
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
    return awaitStatus(id, "COMPLETED", done);
  }

  private static int read(JsonObject campaign) {
    return campaign.getJsonObject("counters").getInt("READ", 0);
  }

  /** Waits (up to two and a half minutes: a run may be a minute ahead) for the status and the condition. */
  private JsonObject awaitStatus(String id, String status, Predicate<JsonObject> done) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
    JsonObject campaign = http.get("api/v1/campaigns/" + id, marketing).json();
    while (!(done.test(campaign) && campaign.getString("status").equals(status))
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      campaign = http.get("api/v1/campaigns/" + id, marketing).json();
    }
    assertThat(done).as(campaign.toString()).accepts(campaign);
    assertThat(campaign.getString("status")).as(campaign.toString()).isEqualTo(status);
    return campaign;
  }
}
