package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.templates.Binding;
import java.util.Map;

/**
 * One arm of an A/B campaign: its own approved template and bindings, sent to {@code percent} of the
 * recipients. The key (1 to 8 characters, e.g. {@code A}) is stored on each recipient it was assigned to.
 */
public record Variant(String key, String templateId, Map<String, Binding> bindings, Integer percent) {

  public Variant {
    bindings = bindings == null ? Map.of() : Map.copyOf(bindings);
  }
}
