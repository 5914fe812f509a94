package dev.crm.whatsapp.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The media feature's configuration, read once: the upload limit (the seeds' 5 MB), how long an upload and
 * its link live, the public address providers fetch links from, and the key links are signed with.
 */
@ApplicationScoped
public class MediaSettings {
  /** Used only when neither {@code wa.media.link-key} nor {@code wa.consent.hash-key} is set (demo mode). */
  static final String DEMO_KEY = "crm-whatsapp-demo-media-link-key";

  private final long maxBytes;
  private final Duration linkLifetime;
  private final Optional<URI> publicUrl;
  private final byte[] linkKey;

  @Inject
  public MediaSettings(
      @ConfigProperty(name = "wa.media.max-bytes", defaultValue = "5242880") long maxBytes,
      @ConfigProperty(name = "wa.media.link-lifetime", defaultValue = "P7D") String linkLifetime,
      @ConfigProperty(name = "wa.media.public-url") Optional<String> publicUrl,
      @ConfigProperty(name = "wa.media.link-key") Optional<String> linkKey,
      @ConfigProperty(name = "wa.consent.hash-key") Optional<String> consentKey) {
    if (maxBytes < 1) {
      throw new IllegalStateException("wa.media.max-bytes must be at least 1; got " + maxBytes);
    }
    this.maxBytes = maxBytes;
    try {
      this.linkLifetime = Duration.parse(linkLifetime);
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("wa.media.link-lifetime must be an ISO-8601 duration such as P7D; got '"
          + linkLifetime + "'", e);
    }
    this.publicUrl = publicUrl.map(u -> URI.create(u.endsWith("/") ? u : u + "/"));
    // Every instance must sign alike: a key of its own, else one derived from the consent key, which
    // production already requires and every instance shares ("media-links:" keeps the two uses apart).
    this.linkKey = linkKey.map(k -> k.getBytes(StandardCharsets.UTF_8))
        .or(() -> consentKey.map(k -> ("media-links:" + k).getBytes(StandardCharsets.UTF_8)))
        .orElse(DEMO_KEY.getBytes(StandardCharsets.UTF_8));
  }

  /** For CDI's proxy. */
  protected MediaSettings() {
    this.maxBytes = 5L * 1024 * 1024;
    this.linkLifetime = Duration.ofDays(7);
    this.publicUrl = Optional.empty();
    this.linkKey = DEMO_KEY.getBytes(StandardCharsets.UTF_8);
  }

  /** The most an upload may hold, whatever WhatsApp would take for its kind. */
  public long maxBytes() {
    return maxBytes;
  }

  /** How long an upload is kept and its signed link works: long enough for the dispatcher's retries. */
  public Duration linkLifetime() {
    return linkLifetime;
  }

  /**
   * The plugin's REST base as providers reach it (e.g. {@code https://crm.example.com/whatsapp/api/v1/}); when
   * unset, the base of the request that sends the message. The Cloud API fetches only public https links.
   */
  public Optional<URI> publicUrl() {
    return publicUrl;
  }

  byte[] linkKey() {
    return linkKey.clone();
  }
}
