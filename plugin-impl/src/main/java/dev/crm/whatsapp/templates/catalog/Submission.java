package dev.crm.whatsapp.templates.catalog;

import dev.crm.whatsapp.templates.TemplateStatus;

/**
 * The provider's answer to a submission.
 *
 * @param providerId the provider's template id
 * @param status usually PENDING; Meta may approve at once
 */
public record Submission(String providerId, TemplateStatus status) {}
