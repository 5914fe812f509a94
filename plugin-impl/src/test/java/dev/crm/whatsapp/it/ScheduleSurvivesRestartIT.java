package dev.crm.whatsapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A schedule lives in the database, not in the server: this test starts Payara Micro itself (failsafe
 * execution {@code it-restart}, on an H2 file database of its own), schedules two campaigns, kills the server
 * as a crash would ({@code kill -9}) and starts it again. The campaign whose time comes after the restart is
 * fired by its timer, re-armed from the database at start; the one whose time passed while the server was
 * down fires at start (the catch-up rule). Both reach every recipient.
 */
class ScheduleSurvivesRestartIT {
  private static final Duration STARTUP = Duration.ofMinutes(10);

  private final File target = new File(System.getProperty("it.target", "target"));
  private final int port = Integer.getInteger("it.http.port", 8080);
  private final int jmsPort = Integer.getInteger("it.jms.port", 61616);
  private final File log = new File(target, "it-restart-server.log");
  private Process server;

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null && server.isAlive()) {
      server.destroyForcibly().waitFor();
    }
  }

  @Test
  void scheduledCampaignsFireAfterTheServerWasKilledAndStartedAgain() throws Exception {
    Http http = start();
    String marketing = token(http);
    String template = approvedTemplate(http, marketing);
    String ahead = create(http, marketing, template, "Ahead of the restart", "[\"1\",\"2\"]");
    String missed = create(http, marketing, template, "Missed while down", "[\"10\"]");
    OffsetDateTime created = OffsetDateTime.parse(http.get("api/v1/campaigns/" + ahead, marketing).json()
        .getString("createdAt"));
    OffsetDateTime aheadAt = created.plusSeconds(90);
    schedule(http, marketing, ahead, aheadAt);
    // the server's clock when scheduling: the missed campaign is due a few seconds later, while it is down
    OffsetDateTime missedAt = schedule(http, marketing, missed, null).plusSeconds(8);
    schedule(http, marketing, missed, missedAt);

    // the embedded H2 writes committed changes to its file up to a second later (MVStore's auto-commit
    // delay): a kill -9 sooner than that loses them, which is H2's durability, not the schedule's
    Thread.sleep(2_000);
    server.destroyForcibly().waitFor();
    Instant killedAt = Instant.now();
    while (Instant.now().isBefore(missedAt.plusSeconds(5).toInstant())) {
      Thread.sleep(500);
    }
    http = start();
    marketing = token(http); // demo tokens are signed with a key made at start
    Instant restartedAt = Instant.now();

    JsonObject missedDone = awaitCompleted(http, marketing, missed, 1);
    JsonObject aheadDone = awaitCompleted(http, marketing, ahead, 2);
    assertThat(OffsetDateTime.parse(missedDone.getString("startedAt")).toInstant()).isAfter(killedAt);
    assertThat(OffsetDateTime.parse(aheadDone.getString("startedAt"))).isAfterOrEqualTo(aheadAt.minusSeconds(1));
    // re-armed at start and fired by that timer, not rescued by the catch-up poll a minute late
    assertThat(aheadDone.getString("runStartedBy")).isEqualTo("TIMER");
    assertThat(restartedAt).isAfter(killedAt);
  }

  /** Starts Payara Micro with the RAR and the WAR; returns a client once the application answers. */
  private Http start() throws InterruptedException {
    // the previous execution's server (or the one just killed) must have let go of the ports, or this one
    // would fail to bind them and never answer
    PreviousServerGone.awaitFree(port, jmsPort);
    File data = new File(target, "it-data-restart");
    ProcessBuilder builder = new ProcessBuilder(List.of(javaBinary(), "-jar",
        new File(target, "payara-micro.jar").getAbsolutePath(), "--nocluster", "--port", Integer.toString(port),
        "--deploy", new File(target, "artemis-rar.rar").getAbsolutePath(),
        "--deploy", new File(target, "whatsapp.war").getAbsolutePath()))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    Map<String, String> env = builder.environment();
    // the sandbox reports template decisions and message statuses to the server's own webhook on PORT
    env.put("PORT", Integer.toString(port));
    env.put("WA_WEBHOOK_VERIFY_TOKEN", "it-verify-token");
    env.put("WA_WEBHOOK_APP_SECRET", "it-app-secret");
    env.put("WA_JMS_PORT", Integer.toString(jmsPort));
    env.put("WA_JMS_DATA_DIR", new File(data, "broker").getAbsolutePath());
    env.put("DB_URL", "jdbc:h2:file:" + new File(data, "db").getAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    try {
      server = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Http http = new Http(URI.create("http://127.0.0.1:" + port + "/whatsapp/"));
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      // Payara Micro logs a failed start and stops its services, but its JVM lives on
      if (!server.isAlive() || logTail().contains("Failed to start, exiting")) {
        throw new AssertionError("Payara Micro did not start:\n" + logTail());
      }
      try {
        if (http.post("api/v1/demo/tokens", null, "{\"tenant\":\"acme\",\"user\":\"it.user\",\"groups\":[\"marketing\"]}")
            .status() == 200) {
          return http;
        }
      } catch (UncheckedIOException notYet) {
        // not listening yet
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("Payara Micro did not start within " + STARTUP + ":\n" + logTail());
  }

  /** The end of the server's log, so that a failed start explains itself in the build's output. */
  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log.toPath(), StandardCharsets.ISO_8859_1);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static String javaBinary() {
    return new File(System.getProperty("java.home"), "bin/java").getAbsolutePath();
  }

  private static String token(Http http) {
    return http.post("api/v1/demo/tokens", null,
        "{\"tenant\":\"acme\",\"user\":\"it.user\",\"groups\":[\"marketing\"]}").json().getString("token");
  }

  private static String approvedTemplate(Http http, String token) throws InterruptedException {
    Http.Answer created = http.post("api/v1/templates", token, "{\"name\":\"it_restart_" + System.nanoTime()
        + "\",\"language\":\"en_US\",\"category\":\"MARKETING\",\"body\":\"Hi {{1}}, we are back.\","
        + "\"examples\":{\"body.1\":\"Ayu\"}}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().getString("id");
    http.post("api/v1/templates/" + id + "/submit", token, "");
    Instant deadline = Instant.now().plusSeconds(120);
    String status = "PENDING";
    while (!status.equals("APPROVED") && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
      status = http.get("api/v1/templates/" + id, token).json().getString("status");
    }
    assertThat(status).as("the sandbox's decision on the template").isEqualTo("APPROVED");
    return id;
  }

  private static String create(Http http, String token, String template, String name, String leadIds) {
    Http.Answer created = http.post("api/v1/campaigns", token, "{\"name\":\"" + name + "\",\"templateId\":\""
        + template + "\",\"bindings\":{\"body.1\":{\"source\":\"lead\",\"field\":\"first_name\",\"fallback\":"
        + "\"there\"}},\"audience\":{\"source\":\"leads\",\"leadIds\":" + leadIds + "},\"throttlePerMinute\":600}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getString("id");
  }

  /** Schedules at {@code at}, or an hour ahead when null; returns the server's time of the change. */
  private static OffsetDateTime schedule(Http http, String token, String id, OffsetDateTime at) {
    String when = at == null ? "\"" + OffsetDateTime.now().plusHours(1) + "\"" : "\"" + at + "\"";
    Http.Answer scheduled = http.put("api/v1/campaigns/" + id + "/schedule", token,
        "{\"kind\":\"AT\",\"at\":" + when + ",\"zone\":\"UTC\"}");
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
    assertThat(scheduled.json().getString("status")).isEqualTo("SCHEDULED");
    return OffsetDateTime.parse(scheduled.json().getString("updatedAt"));
  }

  private static JsonObject awaitCompleted(Http http, String token, String id, int recipients)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    JsonObject campaign = http.get("api/v1/campaigns/" + id, token).json();
    while (!(campaign.getString("status").equals("COMPLETED")
        && campaign.getJsonObject("counters").getInt("READ") == recipients) && Instant.now().isBefore(deadline)) {
      Thread.sleep(1000);
      campaign = http.get("api/v1/campaigns/" + id, token).json();
    }
    assertThat(campaign.getString("status")).as(campaign.toString()).isEqualTo("COMPLETED");
    assertThat(campaign.getJsonObject("counters").getInt("READ")).as(campaign.toString()).isEqualTo(recipients);
    return campaign;
  }
}
