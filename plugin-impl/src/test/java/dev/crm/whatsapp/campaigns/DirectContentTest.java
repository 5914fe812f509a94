package dev.crm.whatsapp.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.whatsapp.api.provider.MessageContent;
import dev.crm.whatsapp.platform.errors.ApiException;
import org.junit.jupiter.api.Test;

/** Direct content: free text up to 4096 characters, or a file by https link with the text as its caption. */
class DirectContentTest {

  @Test
  void plainTextIsSentAsText() {
    MessageContent message = new DirectContent("text", "Our store opens at 9", null, null).validated().message();
    assertThat(message).isEqualTo(new MessageContent.Text("Our store opens at 9"));
  }

  @Test
  void aFileByLinkCarriesTheTextAsItsCaption() {
    MessageContent message = new DirectContent(null, "The new menu", "https://example.com/menu.pdf", "Document")
        .validated().message();
    assertThat(message).isEqualTo(new MessageContent.Media(MessageContent.MediaKind.DOCUMENT,
        "https://example.com/menu.pdf", null, "The new menu", null));
  }

  @Test
  void brokenContentIsRefusedNamingTheField() {
    assertField(new DirectContent("text", " ", null, null), "content.text");
    assertField(new DirectContent("text", "x".repeat(4097), null, null), "content.text");
    assertField(new DirectContent("audio", "hi", null, null), "content.type");
    assertField(new DirectContent("text", "hi", "http://example.com/a.png", "image"), "content.mediaUrl");
    assertField(new DirectContent("text", "hi", "https://example.com/a.mp3", "audio"), "content.mediaType");
    assertField(new DirectContent("text", "hi", "https://example.com/a.png", null), "content.mediaType");
    assertField(new DirectContent("text", "x".repeat(1025), "https://example.com/a.png", "image"), "content.text");
  }

  private static void assertField(DirectContent content, String field) {
    assertThatThrownBy(content::validated).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.body().field()).isEqualTo(field));
  }
}
