package dev.crm.whatsapp.api.provider;

import dev.crm.whatsapp.api.PhoneNumber;
import java.util.Objects;

/**
 * One message to one recipient.
 *
 * @param senderId the provider's id of the sending number (Cloud API: the phone number id)
 * @param to the recipient
 * @param content what to send
 * @param callbackData the plugin's own id for this send, echoed back in status webhooks
 *     ({@code biz_opaque_callback_data}); at most 512 characters
 */
public record OutboundMessage(
    String senderId, PhoneNumber to, MessageContent content, String callbackData) {

  public OutboundMessage {
    Objects.requireNonNull(senderId, "senderId");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(callbackData, "callbackData");
    if (callbackData.length() > 512) {
      throw new IllegalArgumentException("callback data is at most 512 characters");
    }
  }
}
