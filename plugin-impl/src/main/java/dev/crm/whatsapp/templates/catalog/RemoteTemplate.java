package dev.crm.whatsapp.templates.catalog;

import dev.crm.whatsapp.templates.TemplateDefinition;
import dev.crm.whatsapp.templates.TemplateQuality;
import dev.crm.whatsapp.templates.TemplateStatus;

/**
 * A template as the provider holds it.
 *
 * @param providerId the provider's id
 * @param status its status there
 * @param reason why it was rejected, paused or disabled; {@code null} otherwise
 * @param quality its quality rating
 * @param definition its content, read back into this plugin's model (for templates made elsewhere)
 */
public record RemoteTemplate(String providerId, TemplateStatus status, String reason, TemplateQuality quality,
    TemplateDefinition definition) {}
