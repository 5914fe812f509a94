package dev.crm.whatsapp.templates;

import dev.crm.whatsapp.platform.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Template changes in a Cloud API webhook body: {@code message_template_status_update} (approved,
 * rejected with reason, paused, disabled, ...) and {@code message_template_quality_update}. Called by the
 * webhook processing for every stored webhook; other fields are not its business.
 */
@ApplicationScoped
public class TemplateWebhooks {
  private static final Logger LOG = Logger.getLogger(TemplateWebhooks.class.getName());

  @Inject TemplateService templates;

  /** Applies the template changes of one webhook body, if it has any. */
  public void apply(byte[] body) {
    for (TemplateProviderEvent event : parse(body)) {
      if (!templates.applyProviderEvent(event)) {
        LOG.info(() -> "Template webhook for unknown template " + event.providerId() + " ignored");
      }
    }
  }

  /** The template changes in a webhook body; an unreadable body or item yields nothing. */
  public static List<TemplateProviderEvent> parse(byte[] body) {
    List<TemplateProviderEvent> events = new ArrayList<>();
    JsonObject root;
    try (JsonReader reader = Jsonp.createReader(new ByteArrayInputStream(body))) {
      root = reader.readObject();
    } catch (RuntimeException notJson) {
      return events;
    }
    for (JsonObject entry : objects(root, "entry")) {
      for (JsonObject change : objects(entry, "changes")) {
        String field = change.getString("field", "");
        if (!(change.get("value") instanceof JsonObject value)) {
          continue;
        }
        Optional<String> id = text(value.get("message_template_id"));
        if (id.isEmpty()) {
          continue;
        }
        if ("message_template_status_update".equals(field)) {
          String reason = value.getString("reason", null);
          if ((reason == null || "NONE".equals(reason)) && value.get("other_info") instanceof JsonObject info) {
            // Pauses and disables explain themselves in other_info rather than in reason.
            reason = info.getString("title", null);
          }
          events.add(new TemplateProviderEvent(id.get(), TemplateStatus.fromProvider(value.getString("event", null)),
              reason == null || "NONE".equals(reason) ? null : reason, Optional.empty()));
        } else if ("message_template_quality_update".equals(field)) {
          events.add(new TemplateProviderEvent(id.get(), Optional.empty(), null,
              Optional.of(TemplateQuality.fromProvider(value.getString("new_quality_score", null)))));
        }
      }
    }
    return events;
  }

  private static List<JsonObject> objects(JsonObject parent, String key) {
    List<JsonObject> found = new ArrayList<>();
    if (parent.get(key) instanceof jakarta.json.JsonArray array) {
      array.stream().filter(v -> v instanceof JsonObject).forEach(v -> found.add((JsonObject) v));
    }
    return found;
  }

  /** Meta sends template ids as numbers; the sandbox as strings. */
  private static Optional<String> text(JsonValue value) {
    if (value instanceof JsonString s) {
      return Optional.of(s.getString());
    }
    if (value instanceof JsonNumber n) {
      return Optional.of(n.bigIntegerValue().toString());
    }
    return Optional.empty();
  }
}
