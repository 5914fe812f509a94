package dev.crm.whatsapp.templates;

import dev.crm.whatsapp.api.provider.MessageContent;
import dev.crm.whatsapp.api.provider.MessageContent.MediaKind;
import dev.crm.whatsapp.platform.errors.ApiException;
import java.util.Map;

/**
 * A template to send to one lead: {@code {"id": ..., "bindings": {"body.1": {"source": "lead", "field":
 * "first_name", "fallback": "there"}}, "headerMedia": {"kind": "IMAGE", "link": "https://..."}}}.
 */
public record TemplateSendRequest(String id, Map<String, Binding> bindings, HeaderMedia headerMedia) {

  /** The file of a media header: by https link or by provider media id. */
  public record HeaderMedia(MediaKind kind, String link, String mediaId, String caption, String filename) {

    /** As provider content; a 400 naming {@code field} when incomplete. */
    public MessageContent.Media toMedia(String field) {
      if (kind == null) {
        throw ApiException.invalid(field + ".kind", "kind is IMAGE, VIDEO or DOCUMENT");
      }
      if (link != null && !link.startsWith("https://")) {
        throw ApiException.invalid(field + ".link", "link is an https:// address");
      }
      try {
        return new MessageContent.Media(kind, link, mediaId, caption, filename);
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid(field, "headerMedia has exactly one of link and mediaId");
      }
    }
  }

  public MessageContent.Media media(String field) {
    return headerMedia == null ? null : headerMedia.toMedia(field);
  }
}
