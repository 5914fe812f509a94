package dev.crm.whatsapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
 * Attachments from the lead panel against the WAR as built (on H2 and on PostgreSQL): a file is uploaded as
 * the raw body, sent by id with a caption, and goes through the queue and the sandbox like any message. Bad
 * files, other tenants and callers without the send permission are refused naming the field, and the
 * provider's unauthenticated link works only with this server's signature.
 */
@ExtendWith(PreviousServerGone.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LeadMediaIT {
  private static final String ACME_LEAD = "1";
  private static final String GLOBEX_LEAD = "35";
  private static final byte[] PDF = "%PDF-1.7\n% price list\n".getBytes(StandardCharsets.US_ASCII);

  @Deployment(testable = false)
  static WebArchive plugin() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
  }

  @ArquillianResource URL base;

  private Http http;

  @BeforeEach
  void client() throws Exception {
    http = new Http(base.toURI());
  }

  private String token(String tenant, String... groups) {
    Http.Answer answer = http.post("api/v1/demo/tokens", null, "{\"tenant\":\"" + tenant
        + "\",\"user\":\"it.media\",\"groups\":[\"" + String.join("\",\"", groups) + "\"]}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().getString("token");
  }

  private static byte[] png(int size) {
    byte[] bytes = new byte[size];
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, bytes, 0, 8);
    return bytes;
  }

  private Http.Answer upload(String token, String lead, byte[] body, String type, String name) {
    return http.upload("api/v1/leads/" + lead + "/media?filename=" + name, token, body, type);
  }

  @Test
  void aRepSendsAnUploadedDocumentWithACaptionAndItIsReadLikeAnyMessage() throws Exception {
    String rep = token("acme", "sales-rep");

    Http.Answer uploaded = upload(rep, ACME_LEAD, PDF, "application/pdf", "prices.pdf");
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    assertThat(uploaded.json().getString("kind")).isEqualTo("DOCUMENT");
    assertThat(uploaded.json().getString("filename")).isEqualTo("prices.pdf");
    assertThat(uploaded.json().getInt("size")).isEqualTo(PDF.length);
    Http.Answer sent = http.post("api/v1/leads/" + ACME_LEAD + "/messages", rep,
        "{\"media\":{\"id\":\"" + uploaded.json().getString("id") + "\",\"caption\":\"This month's prices\"}}");

    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    assertThat(sent.json().getString("type")).isEqualTo("document");
    assertThat(sent.json().getString("text")).isEqualTo("This month's prices");
    JsonObject read = awaitStatus(rep, ACME_LEAD, sent.json().getString("id"), "read", Duration.ofSeconds(60));
    assertThat(read.getString("providerMessageId")).startsWith("wamid.");
  }

  @Test
  void aFileOfFiveMegabytesIsTakenAndOneByteMoreIs413NamingTheFile() {
    String rep = token("acme", "sales-rep");

    Http.Answer atLimit = upload(rep, ACME_LEAD, png(5 * 1024 * 1024), "image/png", "full.png");
    Http.Answer over = upload(rep, ACME_LEAD, png(5 * 1024 * 1024 + 1), "image/png", "over.png");

    assertThat(atLimit.status()).as(atLimit.body()).isEqualTo(201);
    assertThat(over.status()).as(over.body()).isEqualTo(413);
    assertThat(over.json().getString("field")).isEqualTo("file");
    assertThat(over.json().getString("message")).contains("5 MB");
  }

  @Test
  void aTypeWhatsAppDoesNotSendIs415AndContentUnlikeItsTypeIs422() {
    String rep = token("acme", "sales-rep");

    Http.Answer zip = upload(rep, ACME_LEAD, new byte[] {'P', 'K', 3, 4}, "application/zip", "a.zip");
    Http.Answer json = upload(rep, ACME_LEAD, "{}".getBytes(StandardCharsets.UTF_8), "application/json", "a.json");
    Http.Answer fake = upload(rep, ACME_LEAD, PDF, "image/jpeg", "photo.jpg");
    Http.Answer empty = upload(rep, ACME_LEAD, new byte[0], "application/pdf", "empty.pdf");

    assertThat(zip.status()).as(zip.body()).isEqualTo(415);
    assertThat(zip.json().getString("field")).isEqualTo("Content-Type");
    assertThat(json.status()).isEqualTo(415);
    assertThat(fake.status()).as(fake.body()).isEqualTo(422);
    assertThat(fake.json().getString("field")).isEqualTo("file");
    assertThat(empty.status()).isEqualTo(422);
  }

  @Test
  void uploadsAreTheTenantsOwnAndNeedTheSendPermission() {
    String acme = token("acme", "sales-rep");
    String globex = token("globex", "sales-rep");
    String nobody = token("acme", "no-such-group");
    String acmeUpload = upload(acme, ACME_LEAD, PDF, "application/pdf", "p.pdf").json().getString("id");

    assertThat(upload(globex, ACME_LEAD, PDF, "application/pdf", "p.pdf").status()).isEqualTo(404);
    assertThat(upload(nobody, ACME_LEAD, PDF, "application/pdf", "p.pdf").status()).isEqualTo(403);
    assertThat(upload(null, ACME_LEAD, PDF, "application/pdf", "p.pdf").status()).isEqualTo(401);
    Http.Answer foreign = http.post("api/v1/leads/" + GLOBEX_LEAD + "/messages", globex,
        "{\"media\":{\"id\":\"" + acmeUpload + "\"}}");
    Http.Answer otherLead = http.post("api/v1/leads/2/messages", acme, "{\"media\":{\"id\":\"" + acmeUpload + "\"}}");
    Http.Answer both = http.post("api/v1/leads/" + ACME_LEAD + "/messages", acme,
        "{\"text\":\"hi\",\"media\":{\"id\":\"" + acmeUpload + "\"}}");
    Http.Answer noId = http.post("api/v1/leads/" + ACME_LEAD + "/messages", acme, "{\"media\":{\"caption\":\"x\"}}");

    assertThat(foreign.status()).as(foreign.body()).isEqualTo(422);
    assertThat(foreign.json().getString("field")).isEqualTo("media.id");
    assertThat(otherLead.status()).isEqualTo(422);
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.json().getString("field")).isEqualTo("text");
    assertThat(noId.status()).isEqualTo(400);
    assertThat(noId.json().getString("field")).isEqualTo("media.id");
    Http.Answer longCaption = http.post("api/v1/leads/" + ACME_LEAD + "/messages", acme,
        "{\"media\":{\"id\":\"" + acmeUpload + "\",\"caption\":\"" + "x".repeat(1025) + "\"}}");
    assertThat(longCaption.status()).isEqualTo(400);
    assertThat(longCaption.json().getString("field")).isEqualTo("media.caption");
  }

  @Test
  void theProvidersLinkNeedsThisServersSignature() {
    String rep = token("acme", "sales-rep");
    String id = upload(rep, ACME_LEAD, PDF, "application/pdf", "p.pdf").json().getString("id");
    long expires = Instant.now().plus(Duration.ofDays(1)).getEpochSecond();

    Http.Answer forged = http.get("api/v1/media/" + id + "/p.pdf?expires=" + expires + "&signature=" + "ab".repeat(32), null);
    Http.Answer unsigned = http.get("api/v1/media/" + id + "/p.pdf?expires=" + expires, null);

    assertThat(forged.status()).isEqualTo(404);
    assertThat(forged.json().getString("error")).isEqualTo("not_found");
    assertThat(unsigned.status()).isEqualTo(404);
  }

  private JsonObject awaitStatus(String token, String lead, String id, String status, Duration limit)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    JsonObject message = find(token, lead, id);
    while (!status.equals(message.getString("status")) && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
      message = find(token, lead, id);
    }
    assertThat(message.getString("status")).as(message.toString()).isEqualTo(status);
    return message;
  }

  private JsonObject find(String token, String lead, String id) {
    return http.get("api/v1/leads/" + lead + "/messages?limit=200", token).json().getJsonArray("items")
        .getValuesAs(JsonObject.class).stream().filter(m -> m.getString("id").equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("message " + id + " is not in the history"));
  }
}
