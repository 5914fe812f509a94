package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.api.provider.MessageContent;
import dev.crm.whatsapp.platform.errors.ApiException;
import java.net.URI;
import java.util.Locale;

/**
 * Free text, optionally with a file by link (the text is then its caption), sent as is to every recipient.
 * WhatsApp only lets free-form messages through inside a recipient's 24-hour customer service window,
 * except on a gateway number (see {@code MessagingProvider#sendsOutsideServiceWindow}).
 *
 * @param type always {@code text}
 * @param mediaType with {@code mediaUrl}: image, document or video
 */
public record DirectContent(String type, String text, String mediaUrl, String mediaType) {
  /** WhatsApp's limit for a media caption. */
  static final int CAPTION_MAX = 1024;

  /** 422 naming the field when a rule is broken; the normalised content otherwise. */
  public DirectContent validated() {
    if (type != null && !"text".equalsIgnoreCase(type)) {
      throw ApiException.invalid("content.type", "is text");
    }
    if (text == null || text.isBlank()) {
      throw ApiException.invalid("content.text", "is required");
    }
    if (text.length() > MessageContent.Text.MAX_LENGTH) {
      throw ApiException.invalid("content.text", "is at most 4096 characters");
    }
    if ((mediaUrl == null || mediaUrl.isBlank()) != (mediaType == null || mediaType.isBlank())) {
      throw ApiException.invalid(mediaUrl == null || mediaUrl.isBlank() ? "content.mediaUrl" : "content.mediaType",
          "media needs both mediaUrl and mediaType");
    }
    if (mediaUrl == null || mediaUrl.isBlank()) {
      return new DirectContent("text", text, null, null);
    }
    if (!isHttps(mediaUrl)) {
      throw ApiException.invalid("content.mediaUrl", "is an https URL the provider can fetch");
    }
    String kind = mediaType.trim().toLowerCase(Locale.ROOT);
    if (!kind.equals("image") && !kind.equals("document") && !kind.equals("video")) {
      throw ApiException.invalid("content.mediaType", "is image, document or video");
    }
    if (text.length() > CAPTION_MAX) {
      throw ApiException.invalid("content.text", "is at most 1024 characters when it is a media caption");
    }
    return new DirectContent("text", text, mediaUrl.trim(), kind);
  }

  /** What the provider sends: the text, or the file with the text as caption. */
  public MessageContent message() {
    if (mediaUrl == null) {
      return new MessageContent.Text(text);
    }
    return new MessageContent.Media(MessageContent.MediaKind.valueOf(mediaType.toUpperCase(Locale.ROOT)), mediaUrl,
        null, text, null);
  }

  private static boolean isHttps(String url) {
    try {
      URI uri = URI.create(url.trim());
      return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
