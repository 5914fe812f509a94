package dev.crm.whatsapp.providers.gateway;

import dev.crm.whatsapp.platform.Jsonp;
import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.provider.MessageContent;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;

/**
 * One WAHA send call: the endpoint and its JSON body, in the shapes WAHA documents
 * ({@code POST /api/sendText} {@code {session, chatId, text}}; {@code sendImage}, {@code sendVideo},
 * {@code sendFile} {@code {session, chatId, file:{url, mimetype, filename}, caption}}).
 *
 * @param path the endpoint under {@code /api/}
 * @param body the JSON body
 */
record WahaRequest(String path, String body) {

  /** WAHA's id of a person's chat: the international number's digits and {@code @c.us}. */
  static String chatId(PhoneNumber to) {
    return to.digits() + "@c.us";
  }

  static WahaRequest text(String session, PhoneNumber to, String text) {
    return new WahaRequest("sendText", base(session, to).add("text", text).build().toString());
  }

  /** A file by link; WAHA fetches it. */
  static WahaRequest media(String session, PhoneNumber to, MessageContent.Media media) {
    String path = switch (media.kind()) {
      case IMAGE -> "sendImage";
      case VIDEO -> "sendVideo";
      case DOCUMENT, AUDIO -> "sendFile";
    };
    JsonObjectBuilder file = Jsonp.createObjectBuilder().add("url", media.link())
        .add("mimetype", mimeType(media))
        .add("filename", media.filename() != null ? media.filename() : fileName(media.link()));
    JsonObjectBuilder body = base(session, to).add("file", file);
    if (media.caption() != null && !media.caption().isBlank()) {
      body.add("caption", media.caption());
    }
    return new WahaRequest(path, body.build().toString());
  }

  private static JsonObjectBuilder base(String session, PhoneNumber to) {
    return Jsonp.createObjectBuilder().add("session", session).add("chatId", chatId(to));
  }

  private static String fileName(String link) {
    String path = link.replaceAll("[?#].*$", "");
    String last = path.substring(path.lastIndexOf('/') + 1);
    return last.isBlank() ? "file" : last;
  }

  /** WAHA wants a MIME type with the file; guessed from the link's extension, else a safe default per kind. */
  static String mimeType(MessageContent.Media media) {
    String name = (media.filename() != null ? media.filename() : fileName(media.link())).toLowerCase(Locale.ROOT);
    String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
    return switch (extension) {
      case "jpg", "jpeg" -> "image/jpeg";
      case "png" -> "image/png";
      case "webp" -> "image/webp";
      case "mp4" -> "video/mp4";
      case "3gp" -> "video/3gpp";
      case "pdf" -> "application/pdf";
      case "ogg", "opus" -> "audio/ogg";
      case "mp3" -> "audio/mpeg";
      case "m4a" -> "audio/mp4";
      default -> switch (media.kind()) {
        case IMAGE -> "image/jpeg";
        case VIDEO -> "video/mp4";
        case AUDIO -> "audio/ogg";
        case DOCUMENT -> "application/octet-stream";
      };
    };
  }
}
