package dev.crm.whatsapp.templates;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a template says, as written by an admin and as stored: the request body of create and update.
 * Examples are keyed by parameter: {@code header.1}, {@code body.1}, {@code body.first_name},
 * {@code buttons.0} (the variable of the URL button at index 0, or a copy-code button's code), and
 * {@code header} for a media header's sample (a link or a provider media handle).
 *
 * @param name Meta's template name: lowercase letters, digits, underscore
 * @param language language code, e.g. {@code en_US}
 * @param category MARKETING, UTILITY or AUTHENTICATION
 * @param parameterFormat POSITIONAL (the default) or NAMED
 * @param tags the plugin's own labels
 * @param header optional; format NONE, TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION
 * @param body the message text, required
 * @param footer optional small text under the body, no parameters
 * @param buttons optional, in display order
 * @param examples one sample value per parameter
 */
public record TemplateDefinition(
    String name,
    String language,
    TemplateCategory category,
    ParameterFormat parameterFormat,
    Set<TemplateTag> tags,
    Header header,
    String body,
    String footer,
    List<Button> buttons,
    Map<String, String> examples) {

  public TemplateDefinition {
    parameterFormat = parameterFormat == null ? ParameterFormat.POSITIONAL : parameterFormat;
    tags = tags == null ? Set.of() : Set.copyOf(tags);
    header = header == null ? new Header(HeaderFormat.NONE, null) : header;
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
    examples = examples == null ? Map.of() : Map.copyOf(examples);
  }

  /** What the header shows. */
  public enum HeaderFormat {
    NONE,
    TEXT,
    IMAGE,
    VIDEO,
    DOCUMENT,
    LOCATION;

    public boolean media() {
      return this == IMAGE || this == VIDEO || this == DOCUMENT;
    }
  }

  /**
   * @param format the kind of header
   * @param text the header text, for TEXT only
   */
  public record Header(HeaderFormat format, String text) {
    public Header {
      format = format == null ? HeaderFormat.NONE : format;
    }
  }

  /** The button kinds Meta accepts on templates this plugin builds. */
  public enum ButtonType {
    QUICK_REPLY,
    URL,
    PHONE_NUMBER,
    COPY_CODE
  }

  /**
   * @param type the kind of button
   * @param text the label (a copy-code button's label is fixed by WhatsApp; leave it empty)
   * @param url for URL buttons: https, optionally ending in one variable
   * @param phoneNumber for PHONE_NUMBER buttons: with country code, e.g. {@code +6281234567890}
   */
  public record Button(ButtonType type, String text, String url, String phoneNumber) {}
}
