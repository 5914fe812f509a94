package dev.crm.whatsapp.providers.cloudapi;

import dev.crm.whatsapp.api.provider.MessageContent;
import dev.crm.whatsapp.api.provider.MessageContent.Component;
import dev.crm.whatsapp.api.provider.MessageContent.Media;
import dev.crm.whatsapp.api.provider.MessageContent.MediaParameter;
import dev.crm.whatsapp.api.provider.MessageContent.Parameter;
import dev.crm.whatsapp.api.provider.MessageContent.TextParameter;
import dev.crm.whatsapp.api.provider.OutboundMessage;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/**
 * The JSON body of the Cloud API's {@code POST /{PHONE_NUMBER_ID}/messages} for a message, as Meta's
 * OpenAPI contract describes it. Shared by the Cloud API provider and the template preview, so that
 * what the preview shows is exactly what is sent.
 */
public final class CloudApiMessageJson {
  /** One factory: {@code Json.create...} looks the JSON provider up on every call, which is slow. */
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  private CloudApiMessageJson() {}

  /** The whole request body, with the recipient and our callback data. */
  public static JsonObject body(OutboundMessage message) {
    return envelope(message.to().digits(), message.content()).add("biz_opaque_callback_data", message.callbackData()).build();
  }

  /** The body for a recipient given as digits without {@code +}, without callback data (for previews). */
  public static JsonObjectBuilder envelope(String to, MessageContent content) {
    JsonObjectBuilder body = JSON.createObjectBuilder()
        .add("messaging_product", "whatsapp")
        .add("recipient_type", "individual")
        .add("to", to);
    if (content instanceof MessageContent.Text text) {
      body.add("type", "text").add("text", JSON.createObjectBuilder().add("preview_url", false).add("body", text.body()));
    } else if (content instanceof MessageContent.Template template) {
      body.add("type", "template").add("template", template(template));
    } else if (content instanceof Media media) {
      String type = media.kind().name().toLowerCase();
      body.add("type", type).add(type, media(media));
    }
    return body;
  }

  static JsonObjectBuilder template(MessageContent.Template template) {
    JsonObjectBuilder json = JSON.createObjectBuilder()
        .add("name", template.name())
        .add("language", JSON.createObjectBuilder().add("code", template.language()));
    if (!template.components().isEmpty()) {
      JsonArrayBuilder components = JSON.createArrayBuilder();
      template.components().forEach(component -> components.add(component(component)));
      json.add("components", components);
    }
    return json;
  }

  private static JsonObjectBuilder component(Component component) {
    JsonObjectBuilder json = JSON.createObjectBuilder().add("type", component.type());
    if (component.subType() != null) {
      json.add("sub_type", component.subType());
    }
    if (component.index() != null) {
      json.add("index", String.valueOf(component.index()));
    }
    JsonArrayBuilder parameters = JSON.createArrayBuilder();
    boolean copyCode = "copy_code".equals(component.subType());
    component.parameters().forEach(parameter -> parameters.add(parameter(parameter, copyCode)));
    return json.add("parameters", parameters);
  }

  private static JsonObjectBuilder parameter(Parameter parameter, boolean copyCode) {
    if (parameter instanceof MediaParameter media) {
      String type = media.media().kind().name().toLowerCase();
      return JSON.createObjectBuilder().add("type", type).add(type, media(media.media()));
    }
    TextParameter text = (TextParameter) parameter;
    if (copyCode) {
      return JSON.createObjectBuilder().add("type", "coupon_code").add("coupon_code", text.text());
    }
    JsonObjectBuilder json = JSON.createObjectBuilder().add("type", "text");
    if (text.name() != null) {
      json.add("parameter_name", text.name());
    }
    return json.add("text", text.text());
  }

  private static JsonObjectBuilder media(Media media) {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    if (media.link() != null) {
      json.add("link", media.link());
    } else {
      json.add("id", media.mediaId());
    }
    if (media.caption() != null && media.kind() != MessageContent.MediaKind.AUDIO) {
      json.add("caption", media.caption());
    }
    if (media.filename() != null && media.kind() == MessageContent.MediaKind.DOCUMENT) {
      json.add("filename", media.filename());
    }
    return json;
  }
}
