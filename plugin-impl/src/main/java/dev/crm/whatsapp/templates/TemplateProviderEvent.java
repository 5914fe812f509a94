package dev.crm.whatsapp.templates;

import java.util.Optional;

/**
 * What a provider told us about one template, from a webhook or a sandbox decision.
 *
 * @param providerId the provider's template id
 * @param status the new status, when this event carries one
 * @param reason why it was rejected, paused or disabled; may be {@code null}
 * @param quality the new quality rating, when this event carries one
 */
public record TemplateProviderEvent(String providerId, Optional<TemplateStatus> status, String reason,
    Optional<TemplateQuality> quality) {}
