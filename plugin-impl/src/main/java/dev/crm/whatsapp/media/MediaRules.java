package dev.crm.whatsapp.media;

import dev.crm.whatsapp.api.provider.MessageContent.MediaKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The file types WhatsApp accepts as a media message, with its own size limit for each kind (Meta's
 * "supported media types": images 5 MB, video and audio 16 MB, documents 100 MB), and a check of the first
 * bytes where the format has a signature, so that a file is what its type says before WhatsApp refuses it
 * with 131053 at send time.
 */
final class MediaRules {
  private static final long MB = 1024L * 1024;

  /** One accepted type: what WhatsApp sends it as, the most it takes, and how to recognise its content. */
  record Rule(String mimeType, MediaKind kind, long whatsappMaxBytes, String extension, Predicate<byte[]> looksRight,
      String formatName) {}

  private static final Predicate<byte[]> ANY = bytes -> true;

  private static final Map<String, Rule> RULES = Map.ofEntries(
      rule("image/jpeg", MediaKind.IMAGE, 5 * MB, "jpg", starts(0xFF, 0xD8, 0xFF), "a JPEG image"),
      rule("image/png", MediaKind.IMAGE, 5 * MB, "png", starts(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A), "a PNG image"),
      rule("video/mp4", MediaKind.VIDEO, 16 * MB, "mp4", ftyp(), "an MP4 video"),
      rule("video/3gpp", MediaKind.VIDEO, 16 * MB, "3gp", ftyp(), "a 3GPP video"),
      rule("audio/aac", MediaKind.AUDIO, 16 * MB, "aac", ANY, "AAC audio"),
      rule("audio/amr", MediaKind.AUDIO, 16 * MB, "amr", starts('#', '!', 'A', 'M', 'R'), "AMR audio"),
      rule("audio/mpeg", MediaKind.AUDIO, 16 * MB, "mp3", ANY, "MP3 audio"),
      rule("audio/mp4", MediaKind.AUDIO, 16 * MB, "m4a", ftyp(), "MP4 audio"),
      rule("audio/ogg", MediaKind.AUDIO, 16 * MB, "ogg", starts('O', 'g', 'g', 'S'), "Ogg audio"),
      rule("application/pdf", MediaKind.DOCUMENT, 100 * MB, "pdf", starts('%', 'P', 'D', 'F', '-'), "a PDF document"),
      rule("text/plain", MediaKind.DOCUMENT, 100 * MB, "txt", ANY, "a text file"),
      rule("application/msword", MediaKind.DOCUMENT, 100 * MB, "doc", ANY, "a Word document"),
      rule("application/vnd.openxmlformats-officedocument.wordprocessingml.document", MediaKind.DOCUMENT, 100 * MB,
          "docx", starts('P', 'K'), "a Word document"),
      rule("application/vnd.ms-excel", MediaKind.DOCUMENT, 100 * MB, "xls", ANY, "an Excel workbook"),
      rule("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaKind.DOCUMENT, 100 * MB,
          "xlsx", starts('P', 'K'), "an Excel workbook"),
      rule("application/vnd.ms-powerpoint", MediaKind.DOCUMENT, 100 * MB, "ppt", ANY, "a PowerPoint presentation"),
      rule("application/vnd.openxmlformats-officedocument.presentationml.presentation", MediaKind.DOCUMENT, 100 * MB,
          "pptx", starts('P', 'K'), "a PowerPoint presentation"));

  private MediaRules() {}

  /** The rule for a Content-Type header value, parameters (e.g. {@code ; charset=utf-8}) ignored. */
  static Optional<Rule> forContentType(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String bare = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return Optional.ofNullable(RULES.get(bare));
  }

  /** Every accepted type, sorted, for the refusal message and the docs. */
  static List<String> acceptedTypes() {
    return RULES.keySet().stream().sorted().toList();
  }

  private static Map.Entry<String, Rule> rule(String type, MediaKind kind, long max, String extension,
      Predicate<byte[]> looksRight, String formatName) {
    return Map.entry(type, new Rule(type, kind, max, extension, looksRight, formatName));
  }

  private static Predicate<byte[]> starts(int... signature) {
    return bytes -> {
      if (bytes.length < signature.length) {
        return false;
      }
      for (int i = 0; i < signature.length; i++) {
        if ((bytes[i] & 0xFF) != signature[i]) {
          return false;
        }
      }
      return true;
    };
  }

  /** ISO base media files (MP4, 3GP, M4A) have a box type "ftyp" at offset 4. */
  private static Predicate<byte[]> ftyp() {
    return bytes -> bytes.length >= 8 && Arrays.equals(Arrays.copyOfRange(bytes, 4, 8), new byte[] {'f', 't', 'y', 'p'});
  }
}
