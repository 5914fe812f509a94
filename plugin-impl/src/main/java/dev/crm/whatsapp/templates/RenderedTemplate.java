package dev.crm.whatsapp.templates;

import dev.crm.whatsapp.api.provider.MessageContent;
import java.util.List;

/**
 * A template as one recipient will see it, and the content the provider receives.
 *
 * @param header the header text, the media link or id, or {@code null} without header
 * @param body the body text with every parameter filled
 * @param footer the footer, or {@code null}
 * @param buttons each button as shown: label, and the final url, phone or code
 * @param content what goes to the provider
 */
public record RenderedTemplate(String header, String body, String footer, List<RenderedButton> buttons,
    MessageContent.Template content) {

  /** A button as shown; {@code value} is the url, phone number or code it carries, if any. */
  public record RenderedButton(String type, String text, String value) {}

  /** One text for history and notifications: header, body and footer as the recipient reads them. */
  public String asText() {
    StringBuilder text = new StringBuilder();
    if (header != null) {
      text.append(header).append("\n\n");
    }
    text.append(body);
    if (footer != null) {
      text.append("\n\n").append(footer);
    }
    return text.toString();
  }
}
