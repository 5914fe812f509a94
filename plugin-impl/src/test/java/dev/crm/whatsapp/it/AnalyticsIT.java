package dev.crm.whatsapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Analytics over HTTP on the deployed WAR: a slow campaign streams its progress by server-sent events
 * (token in the query, as EventSource sends it) until it completes and the stream closes; its statistics
 * agree with its recipients; export and overall analytics answer; other tenants and callers without the
 * permission are refused on every endpoint.
 */
@ExtendWith(PreviousServerGone.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AnalyticsIT {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

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
  void aRunningCampaignStreamsProgressUntilItEndsAndItsStatisticsAgreeWithItsRecipients() throws Exception {
    String id = launchedSlowCampaign();

    List<JsonObject> events = progressEvents(id, "?access_token=" + marketing);

    assertThat(events).hasSizeGreaterThanOrEqualTo(2);
    assertThat(events).allSatisfy(e -> {
      assertThat(e.getString("campaignId")).isEqualTo(id);
      assertThat(e.getJsonNumber("total").longValue()).isEqualTo(3);
      assertThat(e.getJsonObject("counts").keySet()).contains("pending", "queued", "read", "responded");
    });
    JsonObject last = events.get(events.size() - 1);
    assertThat(last.getString("status")).isEqualTo("COMPLETED");
    assertThat(last.getJsonNumber("done").longValue()).isEqualTo(3);

    JsonObject campaign = awaitRead(id, 3);
    JsonObject stats = http.get("api/v1/campaigns/" + id + "/stats", marketing).json();
    JsonObject counts = stats.getJsonObject("counts");
    for (String status : List.of("PENDING", "QUEUED", "SENDING", "SENT", "DELIVERED", "READ", "FAILED", "SKIPPED")) {
      assertThat(counts.getJsonNumber(status.toLowerCase()).longValue()).as(status)
          .isEqualTo(campaign.getJsonObject("counters").getJsonNumber(status).longValue());
    }
    assertThat(stats.getJsonObject("rates").getJsonNumber("delivery").doubleValue()).isEqualTo(1.0);
    assertThat(stats.getJsonArray("hourlyDistribution")).hasSize(24);
    assertThat(http.get("api/v1/campaigns/" + id + "/stats?bucket=week", marketing).json().getString("field"))
        .isEqualTo("bucket");

    Http.Answer csv = http.get("api/v1/campaigns/" + id + "/export", marketing);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).contains("recipient_id,run,lead_id").contains("*");
    JsonObject analytics = http.get("api/v1/analytics", marketing).json();
    assertThat(analytics.getJsonObject("totals").getJsonNumber("sent").longValue()).isGreaterThanOrEqualTo(3);
    assertThat(http.get("api/v1/analytics?from=2026-13-01", marketing).json().getString("field")).isEqualTo("from");
  }

  @Test
  void everyAnalyticsEndpointRefusesOtherTenantsAndCallersWithoutThePermission() throws Exception {
    String id = http.post("api/v1/campaigns", marketing, campaign("Private", approvedTemplate("it_analytics_private"),
        60)).json().getString("id");
    String globex = token("globex", "marketing");
    String nobody = token("acme", "nobody");
    for (String path : List.of("/stats", "/export")) {
      assertThat(http.get("api/v1/campaigns/" + id + path, globex).status()).as(path).isEqualTo(404);
      assertThat(http.get("api/v1/campaigns/" + id + path, nobody).status()).as(path).isEqualTo(403);
      assertThat(http.get("api/v1/campaigns/" + id + path, null).status()).as(path).isEqualTo(401);
    }
    assertThat(http.get("api/v1/analytics", nobody).status()).isEqualTo(403);
    assertThat(sse(id, "?access_token=" + globex).statusCode()).isEqualTo(404);
    assertThat(sse(id, "?access_token=" + nobody).statusCode()).isEqualTo(403);
    assertThat(sse(id, "?access_token=" + marketing.substring(0, marketing.length() - 4) + "AAAA").statusCode())
        .isEqualTo(401);
    assertThat(sse(id, "").statusCode()).isEqualTo(401);
    assertThat(http.get("api/v1/campaigns/" + id + "/stats?access_token=" + marketing, null).status())
        .as("only the stream takes a token in the query").isEqualTo(401);
  }

  @Test
  void aTemplatePausedByMetaShowsOnHealthAsDegradedWithTheReasonUntilItIsGone() throws Exception {
    // the sandbox approves a template with its pause word and then pauses it for low quality, as Meta does
    String name = "it_alert_lowquality_" + System.nanoTime();
    String id = approvedTemplate(name);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!http.get("api/v1/templates/" + id, marketing).json().getString("status").equals("PAUSED")
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
    }
    assertThat(http.get("api/v1/templates/" + id, marketing).json().getString("status")).isEqualTo("PAUSED");

    JsonObject health = awaitHealth(alerts -> reasons(alerts).stream().anyMatch(r -> r.contains(name)));
    JsonObject alerts = alertsCheck(health);
    assertThat(alerts.getJsonObject("data").getString("state")).isEqualTo("degraded");
    assertThat(reasons(alerts)).contains("template '" + name + "' is paused by the provider");
    assertThat(alerts.getString("status")).as("a paused template keeps the instance in its load balancer")
        .isEqualTo("UP");

    assertThat(http.delete("api/v1/templates/" + id, marketing).status()).isEqualTo(204);
    awaitHealth(check -> reasons(check).stream().noneMatch(r -> r.contains(name)));
  }

  /** Waits (alerts are evaluated every 30 s) until the {@code alerts} check of /health/ready satisfies it. */
  private JsonObject awaitHealth(java.util.function.Predicate<JsonObject> done) throws Exception {
    URI ready = base.toURI().resolve("/health/ready");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    JsonObject health = new Http(ready).get(ready.toString(), null).json();
    while (!done.test(alertsCheck(health)) && Instant.now().isBefore(deadline)) {
      Thread.sleep(1000);
      health = new Http(ready).get(ready.toString(), null).json();
    }
    assertThat(done).as(health.toString()).accepts(alertsCheck(health));
    return health;
  }

  private static JsonObject alertsCheck(JsonObject health) {
    return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(c -> c.getString("name").equals("alerts")).findFirst().orElseThrow();
  }

  private static List<String> reasons(JsonObject alertsCheck) {
    JsonObject data = alertsCheck.getJsonObject("data");
    return data.keySet().stream().filter(k -> k.startsWith("reason.")).map(data::getString).toList();
  }

  private String launchedSlowCampaign() throws Exception {
    // 12 a minute: the feeder makes one message every 5 s, so the run lasts long enough to stream
    String id = http.post("api/v1/campaigns", marketing, campaign("Slow", approvedTemplate("it_analytics_slow"), 12))
        .json().getString("id");
    Http.Answer launched = http.post("api/v1/campaigns/" + id + "/launch", marketing, "");
    assertThat(launched.status()).as(launched.body()).isEqualTo(200);
    return id;
  }

  /** Reads the stream to its end (the server closes it when the campaign ends), at most two minutes. */
  private List<JsonObject> progressEvents(String id, String query) throws Exception {
    HttpResponse<Stream<String>> response = CLIENT.send(request(id, query), HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/event-stream"));
    List<JsonObject> events = new ArrayList<>();
    CompletableFuture.runAsync(() -> {
      String event = null;
      for (Iterator<String> lines = response.body().iterator(); lines.hasNext(); ) {
        String line = lines.next();
        if (line.startsWith("event:")) {
          event = line.substring(6).trim();
        } else if (line.startsWith("data:") && "progress".equals(event)) {
          synchronized (events) {
            events.add(Json.createReader(new StringReader(line.substring(5).trim())).readObject());
          }
        }
      }
    }).get(120, TimeUnit.SECONDS);
    return events;
  }

  private HttpResponse<Void> sse(String id, String query) throws Exception {
    return CLIENT.send(request(id, query), HttpResponse.BodyHandlers.discarding());
  }

  private HttpRequest request(String id, String query) throws Exception {
    return HttpRequest.newBuilder(base.toURI().resolve("api/v1/campaigns/" + id + "/progress" + query))
        .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).GET().build();
  }

  private String campaign(String name, String template, int throttle) {
    return "{\"name\":\"" + name + "\",\"templateId\":\"" + template + "\",\"bindings\":{\"body.1\":"
        + "{\"source\":\"lead\",\"field\":\"first_name\",\"fallback\":\"there\"}},\"audience\":"
        + "{\"source\":\"leads\",\"leadIds\":[\"1\",\"2\",\"3\"]},\"throttlePerMinute\":" + throttle + "}";
  }

  private String token(String tenant, String group) {
    Http.Answer answer = http.post("api/v1/demo/tokens", null,
        "{\"tenant\":\"" + tenant + "\",\"user\":\"it.user\",\"groups\":[\"" + group + "\"]}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().getString("token");
  }

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

  private JsonObject awaitRead(String id, int read) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    JsonObject campaign = http.get("api/v1/campaigns/" + id, marketing).json();
    while (campaign.getJsonObject("counters").getInt("READ") < read && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      campaign = http.get("api/v1/campaigns/" + id, marketing).json();
    }
    return campaign;
  }
}
