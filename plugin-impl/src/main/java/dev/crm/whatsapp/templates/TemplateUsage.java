package dev.crm.whatsapp.templates;

import dev.crm.whatsapp.api.TenantId;
import java.util.List;

/**
 * Who still needs a template. Every CDI bean implementing it is asked before a template is deleted; the
 * campaigns feature implements it to name its scheduled and running campaigns that use the template.
 */
public interface TemplateUsage {

  /** Descriptions (e.g. "campaign 'Spring sale' (running)") of what uses the template; empty when nothing. */
  List<String> activeUsesOf(TenantId tenant, String templateId);
}
