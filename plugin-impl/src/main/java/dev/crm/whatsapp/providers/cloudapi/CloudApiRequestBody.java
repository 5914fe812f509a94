package dev.crm.whatsapp.providers.cloudapi;

import dev.crm.whatsapp.platform.Jsonp;
import dev.crm.whatsapp.api.provider.MessageContent;
import dev.crm.whatsapp.api.provider.OutboundMessage;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;

/**
 * The JSON body of {@code POST /{version}/{phone-number-id}/messages}, in the shapes of Meta's OpenAPI
 * ({@code business-messaging-api_v23.0.yaml}, schema {@code Message}). Our message id travels as
 * {@code biz_opaque_callback_data}, which Meta echoes in every status webhook.
 */
public final class CloudApiRequestBody {

  private CloudApiRequestBody() {}

  public static JsonObject of(OutboundMessage message) {
    JsonObjectBuilder body = Jsonp.createObjectBuilder()
        .add("messaging_product", "whatsapp")
        .add("recipient_type", "individual")
        .add("to", message.to().e164().substring(1))
        .add("biz_opaque_callback_data", message.callbackData());
    MessageContent content = message.content();
    if (content instanceof MessageContent.Text text) {
      body.add("type", "text").add("text", Jsonp.createObjectBuilder().add("body", text.body()).add("preview_url", false));
    } else if (content instanceof MessageContent.Template template) {
      body.add("type", "template").add("template", template(template));
    } else if (content instanceof MessageContent.Media media) {
      String type = media.kind().name().toLowerCase(Locale.ROOT);
      body.add("type", type).add(type, media(media, true));
    } else {
      throw new IllegalArgumentException("no Cloud API shape for " + content.getClass().getSimpleName());
    }
    return body.build();
  }

  private static JsonObject template(MessageContent.Template template) {
    JsonObjectBuilder json = Jsonp.createObjectBuilder()
        .add("name", template.name())
        .add("language", Jsonp.createObjectBuilder().add("code", template.language()));
    if (!template.components().isEmpty()) {
      JsonArrayBuilder components = Jsonp.createArrayBuilder();
      template.components().forEach(component -> components.add(component(component)));
      json.add("components", components);
    }
    return json.build();
  }

  private static JsonObject component(MessageContent.Component component) {
    JsonObjectBuilder json = Jsonp.createObjectBuilder().add("type", component.type());
    if (component.subType() != null) {
      json.add("sub_type", component.subType());
    }
    if (component.index() != null) {
      json.add("index", String.valueOf(component.index()));
    }
    JsonArrayBuilder parameters = Jsonp.createArrayBuilder();
    for (MessageContent.Parameter parameter : component.parameters()) {
      parameters.add(parameter(component, parameter));
    }
    return json.add("parameters", parameters).build();
  }

  private static JsonObject parameter(MessageContent.Component component, MessageContent.Parameter parameter) {
    if (parameter instanceof MessageContent.MediaParameter mediaParameter) {
      MessageContent.Media media = mediaParameter.media();
      String type = media.kind().name().toLowerCase(Locale.ROOT);
      return Jsonp.createObjectBuilder().add("type", type).add(type, media(media, false)).build();
    }
    MessageContent.TextParameter text = (MessageContent.TextParameter) parameter;
    if ("button".equals(component.type())) {
      // Quick-reply buttons carry a payload, URL and copy-code buttons a text.
      return "quick_reply".equals(component.subType())
          ? Jsonp.createObjectBuilder().add("type", "payload").add("payload", text.text()).build()
          : "copy_code".equals(component.subType())
              ? Jsonp.createObjectBuilder().add("type", "coupon_code").add("coupon_code", text.text()).build()
              : Jsonp.createObjectBuilder().add("type", "text").add("text", text.text()).build();
    }
    JsonObjectBuilder json = Jsonp.createObjectBuilder().add("type", "text").add("text", text.text());
    if (text.name() != null) {
      json.add("parameter_name", text.name());
    }
    return json.build();
  }

  private static JsonObject media(MessageContent.Media media, boolean withCaption) {
    JsonObjectBuilder json = Jsonp.createObjectBuilder();
    if (media.link() != null) {
      json.add("link", media.link());
    } else {
      json.add("id", media.mediaId());
    }
    // Audio takes no caption; only documents take a file name.
    if (withCaption && media.caption() != null && media.kind() != MessageContent.MediaKind.AUDIO) {
      json.add("caption", media.caption());
    }
    if (media.filename() != null && media.kind() == MessageContent.MediaKind.DOCUMENT) {
      json.add("filename", media.filename());
    }
    return json.build();
  }
}
