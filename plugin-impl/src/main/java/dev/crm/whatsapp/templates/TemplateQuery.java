package dev.crm.whatsapp.templates;

import dev.crm.whatsapp.api.TenantId;
import java.util.Objects;

/**
 * Filters of a template list; {@code null} filters match everything. Pages are newest first.
 *
 * @param text matched case-insensitively against the name and the definition (body, header, ...)
 */
public record TemplateQuery(TenantId tenant, TemplateStatus status, TemplateCategory category, TemplateTag tag,
    String language, String text, int page, int size) {

  public TemplateQuery {
    Objects.requireNonNull(tenant, "tenant");
    if (page < 0 || size < 1) {
      throw new IllegalArgumentException("page >= 0 and size >= 1");
    }
  }
}
