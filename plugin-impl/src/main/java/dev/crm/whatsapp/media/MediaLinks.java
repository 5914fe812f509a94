package dev.crm.whatsapp.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring links to an upload, for the provider to fetch without a token:
 * {@code media/{id}/{name}?expires=<unix seconds>&signature=<hex HMAC-SHA256 of "id:expires">}. The name
 * (the file's, with its type's extension) is not signed: it is there because a gateway such as WAHA takes the
 * file's name and type from the link's last segment. Anyone holding the link can fetch the file until it
 * expires, as with any pre-signed URL; ids are random UUIDs besides.
 */
@ApplicationScoped
public class MediaLinks {
  private byte[] key;

  @Inject
  public MediaLinks(MediaSettings settings) {
    this.key = settings.linkKey();
  }

  /** For CDI's proxy. */
  protected MediaLinks() {}

  static MediaLinks withKey(String key) {
    MediaLinks links = new MediaLinks();
    links.key = key.getBytes(StandardCharsets.UTF_8);
    return links;
  }

  /** The absolute link under {@code apiBase} (the REST root, ending in a slash). */
  public URI link(URI apiBase, String id, String name, Instant expires) {
    long seconds = expires.getEpochSecond();
    String segment = java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return apiBase.resolve("media/" + id + "/" + segment + "?expires=" + seconds + "&signature=" + signature(id, seconds));
  }

  /** Whether the signature is this key's for {@code id} and {@code expires}, compared in constant time. */
  boolean verifies(String id, long expires, String signature) {
    if (signature == null) {
      return false;
    }
    return MessageDigest.isEqual(signature(id, expires).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  String signature(String id, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal((id + ":" + expires).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
