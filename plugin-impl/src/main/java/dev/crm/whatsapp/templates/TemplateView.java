package dev.crm.whatsapp.templates;

import dev.crm.whatsapp.templates.TemplateDefinition.Button;
import dev.crm.whatsapp.templates.TemplateDefinition.Header;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A template as the REST API shows it: its definition and what the provider said about it. */
public record TemplateView(
    String id,
    String name,
    String language,
    TemplateCategory category,
    ParameterFormat parameterFormat,
    Set<TemplateTag> tags,
    Header header,
    String body,
    String footer,
    List<Button> buttons,
    Map<String, String> examples,
    TemplateStatus status,
    String rejectionReason,
    TemplateQuality quality,
    String providerTemplateId,
    long usageCount,
    OffsetDateTime lastUsedAt,
    String createdBy,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  public static TemplateView of(MessageTemplate t) {
    TemplateDefinition d = t.definition();
    return new TemplateView(t.id(), t.name(), t.language(), t.category(), d.parameterFormat(), t.tags(), d.header(),
        d.body(), d.footer(), d.buttons(), d.examples(), t.status(), t.rejectionReason().orElse(null), t.quality(),
        t.providerTemplateId().orElse(null), t.usageCount(), t.lastUsedAt().orElse(null), t.createdBy(),
        t.createdAt(), t.updatedAt());
  }
}
