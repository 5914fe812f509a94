package dev.crm.whatsapp.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.provider.MessageContent;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.testing.PluginDatabase;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Uploads for a lead on PostgreSQL: the checks, the signed link, tenancy and erasure. */
class LeadMediaPgTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final LeadId LEAD = LeadId.of("1");
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  private static final URI API = URI.create("http://localhost:8080/whatsapp/api/v1/");
  static final byte[] PNG = png(2_000);

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying("wa_media");

  static byte[] png(int size) {
    byte[] bytes = new byte[size];
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    System.arraycopy(signature, 0, bytes, 0, signature.length);
    return bytes;
  }

  private static MediaSettings settings(long maxBytes) {
    return new MediaSettings(maxBytes, "P7D", Optional.empty(), Optional.of("test-link-key"), Optional.empty());
  }

  private <T> T at(Instant now, long maxBytes, Function<LeadMedia, T> work) {
    return database.persistence().inTransaction(em -> work.apply(LeadMedia.over(em, settings(maxBytes),
        Clock.fixed(now, ZoneOffset.UTC))));
  }

  private <T> T at(Instant now, Function<LeadMedia, T> work) {
    return at(now, 5L * 1024 * 1024, work);
  }

  private MediaView upload(String type, byte[] content, String name) {
    return at(T0, m -> m.upload(ACME, LEAD, "rina", type, (long) content.length, name, new ByteArrayInputStream(content)));
  }

  private ApiException refusal(Runnable work) {
    try {
      work.run();
    } catch (ApiException e) {
      return e;
    }
    throw new AssertionError("expected a refusal");
  }

  private Optional<StoredMedia> linked(Instant now, String id, long expires, String signature) {
    return at(now, m -> m.forLink(id, expires, signature));
  }

  @Test
  void anUploadIsStoredAndItsSignedLinkGivesTheSameBytesBack() {
    MediaView stored = upload("image/png", PNG, "offer.png");

    assertThat(stored.kind()).isEqualTo("IMAGE");
    assertThat(stored.size()).isEqualTo(PNG.length);
    assertThat(stored.expiresAt().toInstant()).isEqualTo(T0.plus(Duration.ofDays(7)));
    MessageContent.Media message = at(T0.plusSeconds(60), m -> m.message(ACME, LEAD, stored.id(), " Our offer ", API));
    assertThat(message.kind()).isEqualTo(MessageContent.MediaKind.IMAGE);
    assertThat(message.caption()).isEqualTo("Our offer");
    assertThat(message.link()).startsWith(API + "media/" + stored.id() + "/offer.png?expires=");

    Map<String, String> query = query(URI.create(message.link()));
    Optional<byte[]> fetched = at(T0.plusSeconds(120), m -> m.forLink(stored.id(), Long.parseLong(query.get("expires")),
        query.get("signature")).map(StoredMedia::content));
    assertThat(fetched).hasValueSatisfying(bytes -> assertThat(Arrays.equals(bytes, PNG)).isTrue());
  }

  @Test
  void aTamperedOrExpiredLinkFindsNothing() {
    MediaView stored = upload("application/pdf", "%PDF-1.7 price list".getBytes(), "prices.pdf");
    Map<String, String> query = query(URI.create(at(T0, m -> m.message(ACME, LEAD, stored.id(), null, API)).link()));
    long expires = Long.parseLong(query.get("expires"));
    String signature = query.get("signature");

    assertThat(linked(T0, stored.id(), expires + 3600, signature)).isEmpty();
    assertThat(linked(T0, stored.id(), expires, (signature.charAt(0) == 'a' ? "b" : "a") + signature.substring(1))).isEmpty();
    assertThat(linked(T0, stored.id(), expires, null)).isEmpty();
    assertThat(linked(T0.plus(Duration.ofDays(8)), stored.id(), expires, signature)).isEmpty();
    assertThat(linked(T0, stored.id(), expires, signature)).isPresent();
  }

  @Test
  void aDocumentKeepsItsFileNameAndLosesAnyPath() {
    MediaView stored = upload("application/pdf", "%PDF-1.4".getBytes(), "C:\\Users\\rina\\Price list.pdf");

    assertThat(stored.filename()).isEqualTo("Price list.pdf");
    assertThat(at(T0, m -> m.message(ACME, LEAD, stored.id(), null, API)).filename()).isEqualTo("Price list.pdf");
    assertThat(upload("image/png", PNG, null).filename()).isEqualTo("attachment.png");
    MediaView unnamed = upload("application/pdf", "%PDF-1.4".getBytes(), "Price list");
    assertThat(at(T0, m -> m.message(ACME, LEAD, unnamed.id(), null, API)).link()).contains("/Price%20list.pdf?");
  }

  @Test
  void aFileOverTheLimitIs413OnTheFileAndStoresNothing() {
    byte[] big = png(5 * 1024 * 1024 + 1);
    ApiException declared = refusal(() -> upload("image/png", big, "big.png"));
    ApiException streamed = refusal(() -> at(T0, m -> m.upload(ACME, LEAD, "rina", "image/png", null, "big.png",
        new ByteArrayInputStream(big))));
    ApiException configured = refusal(() -> at(T0, 1000, m -> m.upload(ACME, LEAD, "rina", "image/png", null, "a.png",
        new ByteArrayInputStream(PNG))));

    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.body().field()).isEqualTo("file");
    assertThat(declared.getMessage()).contains("5 MB");
    assertThat(streamed.status()).isEqualTo(413);
    assertThat(configured.getMessage()).contains("MB");
    assertThat(rows()).isZero();
  }

  @Test
  void aTypeWhatsAppDoesNotSendIs415NamingTheContentType() {
    ApiException refused = refusal(() -> upload("application/zip", new byte[] {'P', 'K', 3, 4}, "a.zip"));
    ApiException missing = refusal(() -> upload(null, PNG, "a.png"));

    assertThat(refused.status()).isEqualTo(415);
    assertThat(refused.body().field()).isEqualTo("Content-Type");
    assertThat(refused.getMessage()).contains("image/jpeg", "application/pdf", "video/mp4");
    assertThat(missing.status()).isEqualTo(415);
    assertThat(rows()).isZero();
  }

  @Test
  void contentThatIsNotWhatItsTypeSaysOrNothingAtAllIs422() {
    ApiException notPng = refusal(() -> upload("image/png", "%PDF-1.4".getBytes(), "fake.png"));
    ApiException empty = refusal(() -> upload("application/pdf", new byte[0], "empty.pdf"));
    ApiException badName = refusal(() -> upload("image/png", PNG, "a\u0007b.png"));

    assertThat(notPng.status()).isEqualTo(422);
    assertThat(notPng.body().field()).isEqualTo("file");
    assertThat(notPng.getMessage()).contains("not a PNG image");
    assertThat(empty.status()).isEqualTo(422);
    assertThat(badName.status()).isEqualTo(400);
    assertThat(badName.body().field()).isEqualTo("filename");
    assertThat(rows()).isZero();
  }

  @Test
  void anUploadOfAnotherTenantOrLeadCannotBeSent() {
    MediaView stored = upload("image/png", PNG, "offer.png");

    for (Function<LeadMedia, MessageContent.Media> wrong : java.util.List.<Function<LeadMedia, MessageContent.Media>>of(
        m -> m.message(GLOBEX, LEAD, stored.id(), null, API),
        m -> m.message(ACME, LeadId.of("2"), stored.id(), null, API),
        m -> m.message(ACME, LEAD, "no-such-id", null, API))) {
      ApiException refused = refusal(() -> at(T0, wrong));
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.body().field()).isEqualTo("media.id");
    }
  }

  @Test
  void anExpiredUploadCannotBeSentAndIsRemovedByTheNextUpload() {
    MediaView old = upload("image/png", PNG, "old.png");
    Instant later = T0.plus(Duration.ofDays(8));

    ApiException refused = refusal(() -> at(later, m -> m.message(ACME, LEAD, old.id(), null, API)));
    at(later, m -> m.upload(ACME, LEAD, "rina", "image/png", null, "new.png", new ByteArrayInputStream(PNG)));

    assertThat(refused.getMessage()).contains("expired");
    assertThat(rows()).isEqualTo(1);
  }

  @Test
  void erasingTheLeadRemovesItsUploads() {
    upload("image/png", PNG, "a.png");
    upload("application/pdf", "%PDF-1.4".getBytes(), "b.pdf");

    int erased = database.persistence().inTransaction(em -> LeadMedia.eraseLead(em, ACME, LEAD));

    assertThat(erased).isEqualTo(2);
    assertThat(rows()).isZero();
  }

  private long rows() {
    return database.persistence().inTransaction(em ->
        ((Number) em.createNativeQuery("SELECT count(*) FROM wa_media").getSingleResult()).longValue());
  }

  private static Map<String, String> query(URI link) {
    return Arrays.stream(link.getRawQuery().split("&")).map(p -> p.split("=", 2))
        .collect(java.util.stream.Collectors.toMap(p -> p[0], p -> p[1]));
  }
}
