package dev.crm.whatsapp.media;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.provider.MessageContent;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.media.MediaRules.Rule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Uploads for a lead: checked against WhatsApp's media rules and the configured limit, stored, and turned
 * into a media message whose link the provider can fetch. Expired uploads are removed whenever a new one
 * arrives, which bounds the table without a timer of its own.
 */
@ApplicationScoped
public class LeadMedia {
  /** WhatsApp's caption limit for images, videos and documents. */
  public static final int MAX_CAPTION = 1024;
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  @Inject MediaSettings settings;
  @Inject MediaLinks links;
  @Inject Clock clock;

  /** Outside CDI (persistence tests): over an entity manager whose transaction the caller runs. */
  public static LeadMedia over(EntityManager em, MediaSettings settings, Clock clock) {
    LeadMedia media = new LeadMedia();
    media.em = em;
    media.settings = settings;
    media.links = new MediaLinks(settings);
    media.clock = clock;
    return media;
  }

  /** Reads, checks and stores one file; every refusal names the field (413, 415 or 422, and 400 for the name). */
  @Transactional
  public MediaView upload(TenantId tenant, LeadId lead, String user, String contentType, Long declaredLength,
      String filename, InputStream body) {
    Rule rule = MediaRules.forContentType(contentType).orElseThrow(() -> new ApiException(415, "unsupported_media_type",
        "Content-Type", "WhatsApp does not send " + (contentType == null ? "a file without a type" : contentType)
            + "; send one of " + String.join(", ", MediaRules.acceptedTypes())));
    String name = fileName(filename, rule);
    long limit = Math.min(settings.maxBytes(), rule.whatsappMaxBytes());
    if (declaredLength != null && declaredLength > limit) {
      throw tooLarge(limit);
    }
    byte[] content = readAtMost(body, limit);
    if (content.length == 0) {
      throw ApiException.unprocessable("file", "the file is empty");
    }
    if (!rule.looksRight().test(content)) {
      throw ApiException.unprocessable("file", "the content is not " + rule.formatName() + ", as its type "
          + rule.mimeType() + " says");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    em.createNamedQuery("StoredMedia.deleteExpired").setParameter("now", now).executeUpdate();
    StoredMedia media = StoredMedia.of(tenant, lead, rule.mimeType(), name, content, user, now,
        now.plus(settings.linkLifetime()));
    em.persist(media);
    return MediaView.of(media);
  }

  /**
   * The media message for an upload of this tenant and lead, by signed link under {@code apiBase} (the
   * configured public URL wins over it). An upload of another tenant or lead, or one that expired, is 422
   * on {@code media.id}: it cannot be sent from here.
   */
  public MessageContent.Media message(TenantId tenant, LeadId lead, String id, String caption, URI apiBase) {
    StoredMedia media = find(id).filter(m -> m.tenant().equals(tenant) && m.lead().equals(lead))
        .orElseThrow(() -> ApiException.unprocessable("media.id", "no upload with this id for this lead"));
    if (!media.expiresAt().isAfter(OffsetDateTime.now(clock))) {
      throw ApiException.unprocessable("media.id", "the upload has expired; upload the file again");
    }
    MessageContent.MediaKind kind = MediaRules.forContentType(media.mimeType()).orElseThrow().kind();
    String text = caption == null || caption.isBlank() || kind == MessageContent.MediaKind.AUDIO ? null : caption.strip();
    Rule rule = MediaRules.forContentType(media.mimeType()).orElseThrow();
    String name = media.filename().toLowerCase(java.util.Locale.ROOT).endsWith("." + rule.extension())
        ? media.filename() : media.filename() + "." + rule.extension();
    URI link = links.link(settings.publicUrl().orElse(apiBase), media.id(), name, media.expiresAt().toInstant());
    return new MessageContent.Media(kind, link.toString(), null, text,
        kind == MessageContent.MediaKind.DOCUMENT ? media.filename() : null);
  }

  /** The upload a signed link names, if it exists and the link is this server's and current. */
  public Optional<StoredMedia> forLink(String id, long expires, String signature) {
    if (!links.verifies(id, expires, signature) || expires < clock.instant().getEpochSecond()) {
      return Optional.empty();
    }
    return find(id).filter(m -> m.expiresAt().toInstant().getEpochSecond() >= expires);
  }

  /** Erases a lead's uploads (GDPR), in the caller's transaction. */
  public static int eraseLead(EntityManager em, TenantId tenant, LeadId lead) {
    return em.createNamedQuery("StoredMedia.deleteOfLead").setParameter("tenant", tenant.value())
        .setParameter("lead", lead.value()).executeUpdate();
  }

  private Optional<StoredMedia> find(String id) {
    return id == null || id.length() > 36 ? Optional.empty() : Optional.ofNullable(em.find(StoredMedia.class, id));
  }

  /** The name the lead sees for a document: the last path segment, at most 200 characters, no control characters. */
  static String fileName(String given, Rule rule) {
    if (given == null || given.isBlank()) {
      return "attachment." + rule.extension();
    }
    String name = given.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).strip();
    if (name.isEmpty() || name.length() > 200 || CONTROL.matcher(name).find()) {
      throw ApiException.invalid("filename", "is a file name of 1 to 200 characters without control characters");
    }
    return name;
  }

  static byte[] readAtMost(InputStream body, long limit) {
    if (body == null) {
      return new byte[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    try (body) {
      int n;
      while ((n = body.read(buffer)) != -1) {
        out.write(buffer, 0, n);
        if (out.size() > limit) {
          throw tooLarge(limit);
        }
      }
    } catch (IOException e) {
      throw ApiException.invalid("file", "the upload broke off before its end");
    }
    return out.toByteArray();
  }

  private static ApiException tooLarge(long limit) {
    return new ApiException(413, "too_large", "file", "the file is larger than " + megabytes(limit)
        + ", the most this plugin sends");
  }

  static String megabytes(long bytes) {
    double mb = bytes / (1024.0 * 1024.0);
    return (mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(java.util.Locale.ROOT, "%.1f", mb)) + " MB";
  }
}
