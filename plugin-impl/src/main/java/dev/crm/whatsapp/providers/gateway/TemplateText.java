package dev.crm.whatsapp.providers.gateway;

import dev.crm.whatsapp.api.provider.OutboundMessage;
import java.util.Optional;

/**
 * The text a template send reads as, for a number that has no templates (a WhatsApp Web session): the
 * template as it was rendered for the lead when the send was recorded, so the lead receives exactly what
 * the rep's history shows.
 */
public interface TemplateText {

  /** The rendered text of the template send {@code message}, found by its callback data (our message id). */
  Optional<String> of(OutboundMessage message);
}
