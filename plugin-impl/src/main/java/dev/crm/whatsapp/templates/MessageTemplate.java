package dev.crm.whatsapp.templates;

import dev.crm.whatsapp.api.TenantId;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A tenant's message template: its definition as written (validated before every write), and what the
 * provider said about it. Content changes only while {@link TemplateStatus#editable()}.
 */
@Entity
@Table(name = "wa_template")
@NamedQuery(name = "MessageTemplate.byProviderId",
    query = "SELECT t FROM MessageTemplate t WHERE t.providerTemplateId = :providerId")
@NamedQuery(name = "MessageTemplate.pendingAtProvider",
    query = "SELECT t FROM MessageTemplate t WHERE t.status = :pending AND t.providerTemplateId IS NOT NULL")
@NamedQuery(name = "MessageTemplate.byName",
    query = "SELECT t FROM MessageTemplate t WHERE t.tenantId = :tenant AND t.name = :name AND t.language = :language")
public class MessageTemplate {
  private static final Jsonb JSON = JsonbBuilder.create();

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "tenant_id", nullable = false)
  private String tenantId;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String language;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TemplateCategory category;

  @Enumerated(EnumType.STRING)
  @Column(name = "parameter_format", nullable = false)
  private ParameterFormat parameterFormat;

  @Column(nullable = false)
  private String definition;

  /** Tag names between commas, e.g. {@code ,GREETING,REMINDER,}, so that one tag is one LIKE. */
  @Column(nullable = false)
  private String tags;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TemplateStatus status;

  @Column(name = "rejection_reason")
  private String rejectionReason;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TemplateQuality quality;

  @Column(name = "provider_template_id")
  private String providerTemplateId;

  @Column(name = "usage_count", nullable = false)
  private long usageCount;

  @Column(name = "last_used_at")
  private OffsetDateTime lastUsedAt;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  private long version;

  protected MessageTemplate() {}

  /** A new draft; the caller has validated the definition. */
  public static MessageTemplate draft(TenantId tenant, TemplateDefinition definition, String createdBy,
      OffsetDateTime now) {
    MessageTemplate template = new MessageTemplate();
    template.id = UUID.randomUUID().toString();
    template.tenantId = tenant.value();
    template.status = TemplateStatus.DRAFT;
    template.quality = TemplateQuality.UNKNOWN;
    template.createdBy = createdBy;
    template.createdAt = now;
    template.define(definition, now);
    return template;
  }

  /** A template found at the provider that this plugin did not create (made in Meta's manager). */
  public static MessageTemplate imported(TenantId tenant, TemplateDefinition definition, String providerId,
      TemplateStatus status, String reason, TemplateQuality quality, OffsetDateTime now) {
    MessageTemplate template = draft(tenant, definition, "provider-sync", now);
    template.providerTemplateId = providerId;
    template.status = status;
    template.rejectionReason = reason;
    template.quality = quality;
    return template;
  }

  /** Replaces the content; the caller has checked the status allows it and validated the definition. */
  public void define(TemplateDefinition definition, OffsetDateTime now) {
    this.name = definition.name();
    this.language = definition.language();
    this.category = definition.category();
    this.parameterFormat = definition.parameterFormat();
    this.tags = definition.tags().isEmpty() ? ""
        : definition.tags().stream().map(Enum::name).sorted().collect(Collectors.joining(",", ",", ","));
    this.definition = JSON.toJson(definition);
    this.updatedAt = now;
  }

  /** Submitted to the provider, which gave it an id and a first status. */
  public void submitted(String providerId, TemplateStatus firstStatus, OffsetDateTime now) {
    this.providerTemplateId = providerId;
    this.status = firstStatus;
    this.rejectionReason = null;
    this.updatedAt = now;
  }

  /** The provider's word on it; returns whether the status changed. */
  public boolean providerStatus(TemplateStatus newStatus, String reason, OffsetDateTime now) {
    boolean changed = newStatus != status;
    this.status = newStatus;
    this.rejectionReason = newStatus == TemplateStatus.REJECTED || newStatus == TemplateStatus.PAUSED
        || newStatus == TemplateStatus.DISABLED ? reason : null;
    this.updatedAt = now;
    return changed;
  }

  public void providerQuality(TemplateQuality newQuality, OffsetDateTime now) {
    this.quality = newQuality;
    this.updatedAt = now;
  }

  public String id() { return id; }
  public TenantId tenant() { return TenantId.of(tenantId); }
  public String name() { return name; }
  public String language() { return language; }
  public TemplateCategory category() { return category; }
  public TemplateStatus status() { return status; }
  public Optional<String> rejectionReason() { return Optional.ofNullable(rejectionReason); }
  public TemplateQuality quality() { return quality; }
  public Optional<String> providerTemplateId() { return Optional.ofNullable(providerTemplateId); }
  public long usageCount() { return usageCount; }
  public Optional<OffsetDateTime> lastUsedAt() { return Optional.ofNullable(lastUsedAt); }
  public String createdBy() { return createdBy; }
  public OffsetDateTime createdAt() { return createdAt; }
  public OffsetDateTime updatedAt() { return updatedAt; }

  public TemplateDefinition definition() {
    return JSON.fromJson(definition, TemplateDefinition.class);
  }

  public Set<TemplateTag> tags() {
    Set<TemplateTag> set = EnumSet.noneOf(TemplateTag.class);
    Arrays.stream(tags.split(",")).filter(t -> !t.isEmpty()).map(TemplateTag::valueOf).forEach(set::add);
    return set;
  }
}
