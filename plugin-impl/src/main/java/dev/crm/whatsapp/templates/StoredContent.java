package dev.crm.whatsapp.templates;

import dev.crm.whatsapp.platform.Jsonp;
import dev.crm.whatsapp.api.provider.MessageContent;
import dev.crm.whatsapp.api.provider.MessageContent.Component;
import dev.crm.whatsapp.api.provider.MessageContent.Media;
import dev.crm.whatsapp.api.provider.MessageContent.MediaKind;
import dev.crm.whatsapp.api.provider.MessageContent.MediaParameter;
import dev.crm.whatsapp.api.provider.MessageContent.Parameter;
import dev.crm.whatsapp.api.provider.MessageContent.TextParameter;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rendered {@link MessageContent} as stored on its message row ({@code wa_message.content}), so that
 * the dispatcher sends exactly what was rendered and validated when the message was accepted.
 */
public final class StoredContent {
  /** One factory: {@code Json.create...} looks the JSON provider up on every call, which is slow. */
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  private StoredContent() {}

  public static String write(MessageContent content) {
    return object(content).build().toString();
  }

  public static MessageContent read(String json) {
    try (JsonReader reader = Jsonp.createReader(new StringReader(json))) {
      return content(reader.readObject());
    }
  }

  private static JsonObjectBuilder object(MessageContent content) {
    if (content instanceof MessageContent.Text text) {
      return JSON.createObjectBuilder().add("kind", "text").add("body", text.body());
    }
    if (content instanceof Media media) {
      return media(media).add("kind", "media");
    }
    MessageContent.Template template = (MessageContent.Template) content;
    JsonArrayBuilder components = JSON.createArrayBuilder();
    for (Component component : template.components()) {
      JsonArrayBuilder parameters = JSON.createArrayBuilder();
      for (Parameter parameter : component.parameters()) {
        if (parameter instanceof MediaParameter media) {
          parameters.add(JSON.createObjectBuilder().add("media", media(media.media())));
        } else {
          TextParameter text = (TextParameter) parameter;
          JsonObjectBuilder p = JSON.createObjectBuilder().add("text", text.text());
          parameters.add(text.name() == null ? p : p.add("name", text.name()));
        }
      }
      JsonObjectBuilder c = JSON.createObjectBuilder().add("type", component.type()).add("parameters", parameters);
      if (component.subType() != null) {
        c.add("subType", component.subType());
      }
      if (component.index() != null) {
        c.add("index", component.index());
      }
      components.add(c);
    }
    return JSON.createObjectBuilder().add("kind", "template").add("name", template.name())
        .add("language", template.language()).add("components", components);
  }

  private static JsonObjectBuilder media(Media media) {
    JsonObjectBuilder json = JSON.createObjectBuilder().add("mediaKind", media.kind().name());
    addIfSet(json, "link", media.link());
    addIfSet(json, "mediaId", media.mediaId());
    addIfSet(json, "caption", media.caption());
    addIfSet(json, "filename", media.filename());
    return json;
  }

  private static MessageContent content(JsonObject json) {
    switch (json.getString("kind")) {
      case "text":
        return new MessageContent.Text(json.getString("body"));
      case "media":
        return media(json);
      case "template":
        List<Component> components = new ArrayList<>();
        for (JsonObject c : json.getJsonArray("components").getValuesAs(JsonObject.class)) {
          List<Parameter> parameters = new ArrayList<>();
          for (JsonObject p : c.getJsonArray("parameters").getValuesAs(JsonObject.class)) {
            parameters.add(p.containsKey("media") ? new MediaParameter(media(p.getJsonObject("media")))
                : new TextParameter(p.getString("text"), p.getString("name", null)));
          }
          components.add(new Component(c.getString("type"), c.getString("subType", null),
              c.containsKey("index") ? c.getInt("index") : null, parameters));
        }
        return new MessageContent.Template(json.getString("name"), json.getString("language"), components);
      default:
        throw new IllegalArgumentException("unknown stored content kind " + json.getString("kind"));
    }
  }

  private static Media media(JsonObject json) {
    return new Media(MediaKind.valueOf(json.getString("mediaKind")), json.getString("link", null),
        json.getString("mediaId", null), json.getString("caption", null), json.getString("filename", null));
  }

  private static void addIfSet(JsonObjectBuilder json, String key, String value) {
    if (value != null) {
      json.add(key, value);
    }
  }
}
