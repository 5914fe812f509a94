/**
 * Audiences: which recipients a campaign reaches, chosen by criteria over the host's leads or uploaded as a
 * CSV list, with the exclusions (invalid phones, and any {@link dev.crm.whatsapp.audience.AudienceExclusion}
 * such as an opt-out registry) counted by reason.
 */
package dev.crm.whatsapp.audience;
