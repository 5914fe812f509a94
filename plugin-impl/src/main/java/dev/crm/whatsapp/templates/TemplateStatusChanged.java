package dev.crm.whatsapp.templates;

import dev.crm.whatsapp.api.TenantId;

/**
 * A CDI event fired when a template's status changes at the provider. Campaigns observe it to pause the
 * running campaigns that use a template Meta paused or disabled (with {@code reason} shown on them).
 *
 * @param reason the provider's reason, or {@code null}
 */
public record TemplateStatusChanged(TenantId tenant, String templateId, String name, TemplateStatus previous,
    TemplateStatus current, String reason) {

  /** Whether sends of this template stopped being possible with this change. */
  public boolean stopsSending() {
    return previous.sendable() && !current.sendable();
  }
}
