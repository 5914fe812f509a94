package dev.crm.whatsapp.api.provider;

import java.util.Objects;

/** What a message says. */
public sealed interface MessageContent {

  /**
   * Free-form text, allowed only inside the recipient's 24-hour customer-service window.
   *
   * @param body 1 to 4,096 characters
   */
  record Text(String body) implements MessageContent {
    public static final int MAX_LENGTH = 4096;

    public Text {
      Objects.requireNonNull(body, "body");
      if (body.isBlank() || body.length() > MAX_LENGTH) {
        throw new IllegalArgumentException("text is 1 to 4096 characters");
      }
    }
  }
}
