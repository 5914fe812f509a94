package dev.crm.whatsapp.templates;

import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.api.provider.MessageContent;
import dev.crm.whatsapp.platform.errors.ApiError.Violation;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.security.Caller;
import dev.crm.whatsapp.templates.catalog.CatalogException;
import dev.crm.whatsapp.templates.catalog.RemoteTemplate;
import dev.crm.whatsapp.templates.catalog.Submission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The template lifecycle: create and edit drafts (validated), submit to the provider's catalog, apply what
 * the provider says (webhooks, sync), and render an approved template for a send.
 */
@ApplicationScoped
public class TemplateService {
  private static final Logger LOG = Logger.getLogger(TemplateService.class.getName());

  /** What a sync did. */
  public record SyncReport(int updated, int imported, int skipped) {}

  @Inject TemplateRepository repository;
  @Inject TemplateCatalogs catalogs;
  @Inject Instance<TemplateUsage> usages;
  @Inject Event<TemplateStatusChanged> statusChanges;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "wa.templates.import-tenant")
  Optional<String> importTenant;

  @Transactional
  public MessageTemplate create(Caller caller, TemplateDefinition definition) {
    requireValid(definition);
    requireUniqueName(caller.tenant(), definition, null);
    MessageTemplate template = MessageTemplate.draft(caller.tenant(), definition, caller.user(), now());
    repository.add(template);
    return template;
  }

  @Transactional
  public MessageTemplate update(TenantId tenant, String id, TemplateDefinition definition) {
    MessageTemplate template = require(tenant, id);
    if (!template.status().editable()) {
      throw new ApiException(Status.CONFLICT, "template_not_editable", "status", "a " + template.status()
          + " template cannot be edited; only DRAFT and REJECTED templates can (create a new one instead)");
    }
    requireValid(definition);
    if (template.providerTemplateId().isPresent()
        && !(template.name().equals(definition.name()) && template.language().equals(definition.language()))) {
      // Meta edits a rejected template in place: its name and language are fixed once submitted.
      throw new ApiException(Status.CONFLICT, "template_identity_fixed", "name",
          "a submitted template keeps its name and language; create a new template instead");
    }
    requireUniqueName(tenant, definition, id);
    template.define(definition, now());
    return template;
  }

  @Transactional
  public void delete(TenantId tenant, String id) {
    MessageTemplate template = require(tenant, id);
    List<String> uses = new ArrayList<>();
    usages.forEach(usage -> uses.addAll(usage.activeUsesOf(tenant, id)));
    if (!uses.isEmpty()) {
      throw new ApiException(Status.CONFLICT, "template_in_use", null,
          "the template is used by " + String.join(", ", uses) + "; finish or cancel those first");
    }
    if (template.providerTemplateId().isPresent()) {
      try {
        catalogs.current().delete(template.providerTemplateId().get(), template.name());
      } catch (CatalogException e) {
        throw providerFailure(e);
      }
    }
    repository.remove(template);
  }

  /** Submits a draft (or an edited rejected template) to the provider for approval. */
  @Transactional
  public MessageTemplate submit(TenantId tenant, String id) {
    MessageTemplate template = require(tenant, id);
    if (!template.status().editable()) {
      throw new ApiException(Status.CONFLICT, "template_already_submitted", "status",
          "a " + template.status() + " template cannot be submitted; only DRAFT and REJECTED templates can");
    }
    TemplateDefinition definition = template.definition();
    requireValid(definition);
    Submission submission;
    try {
      submission = catalogs.current().submit(definition, template.providerTemplateId());
    } catch (CatalogException e) {
      throw providerFailure(e);
    }
    TemplateStatus previous = template.status();
    template.submitted(submission.providerId(), submission.status(), now());
    fireIfChanged(template, previous, null);
    return template;
  }

  /** Applies a provider's status or quality change; false when no template has that provider id. */
  @Transactional
  public boolean applyProviderEvent(TemplateProviderEvent event) {
    List<MessageTemplate> matching = repository.byProviderId(event.providerId());
    for (MessageTemplate template : matching) {
      event.status().ifPresent(status -> {
        TemplateStatus previous = template.status();
        if (template.providerStatus(status, event.reason(), now())) {
          fireIfChanged(template, previous, event.reason());
        }
      });
      event.quality().ifPresent(quality -> template.providerQuality(quality, now()));
    }
    return !matching.isEmpty();
  }

  /**
   * Reads every template from the provider: updates the status and quality of known ones, links local
   * drafts of the same name, imports the others into {@code wa.templates.import-tenant} when set.
   */
  @Transactional
  public SyncReport sync() {
    List<RemoteTemplate> remote;
    try {
      remote = catalogs.current().list();
    } catch (CatalogException e) {
      throw new ApiException(Status.SERVICE_UNAVAILABLE, "provider_unavailable", null, e.getMessage());
    }
    int updated = 0;
    int imported = 0;
    int skipped = 0;
    for (RemoteTemplate r : remote) {
      if (applyProviderEvent(new TemplateProviderEvent(r.providerId(), Optional.of(r.status()), r.reason(),
          Optional.of(r.quality())))) {
        updated++;
      } else if (importTenant.filter(t -> !t.isBlank()).isPresent() && r.definition() != null
          && r.definition().name() != null && r.definition().language() != null) {
        TenantId tenant = TenantId.of(importTenant.get());
        Optional<MessageTemplate> sameName = repository.findByName(tenant, r.definition().name(), r.definition().language());
        if (sameName.isPresent() && sameName.get().providerTemplateId().isEmpty()) {
          sameName.get().submitted(r.providerId(), r.status(), now());
          updated++;
        } else if (sameName.isEmpty()) {
          repository.add(MessageTemplate.imported(tenant, r.definition(), r.providerId(), r.status(), r.reason(),
              r.quality(), now()));
          imported++;
        } else {
          skipped++;
        }
      } else {
        skipped++;
      }
    }
    updated += settleUnlisted(remote);
    SyncReport report = new SyncReport(updated, imported, skipped);
    LOG.info(() -> "Template sync: " + report);
    return report;
  }

  /**
   * Asks one by one about pending templates the listing did not show (beyond its pages, or decided by a
   * sandbox before a restart), so that no template stays PENDING for ever.
   */
  private int settleUnlisted(List<RemoteTemplate> listed) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    listed.forEach(r -> seen.add(r.providerId()));
    int settled = 0;
    for (MessageTemplate pending : repository.pendingAtProvider(200)) {
      String providerId = pending.providerTemplateId().orElseThrow();
      if (!seen.contains(providerId)) {
        Optional<RemoteTemplate> found = catalogs.current().find(providerId);
        if (found.isPresent() && found.get().status() != TemplateStatus.PENDING) {
          applyProviderEvent(new TemplateProviderEvent(providerId, Optional.of(found.get().status()),
              found.get().reason(), Optional.of(found.get().quality())));
          settled++;
        }
      }
    }
    return settled;
  }

  /** Renders a template for a lead or, without one, with sample values. Any status may be previewed. */
  public RenderedTemplate preview(TenantId tenant, String id, Lead lead, Map<String, Binding> bindings,
      MessageContent.Media headerMedia) {
    return TemplateRenderer.render(require(tenant, id).definition(), bindings, lead, headerMedia);
  }

  /**
   * Renders an approved template for a send to {@code lead} and counts the use, in the caller's
   * transaction: refused (409) unless APPROVED, and (422) when a parameter cannot be rendered.
   */
  @Transactional
  public PreparedTemplate prepareSend(TenantId tenant, String id, Lead lead, Map<String, Binding> bindings,
      MessageContent.Media headerMedia) {
    MessageTemplate template = repository.find(tenant, id).orElseThrow(() ->
        ApiException.invalid("template.id", "no template " + id + " exists"));
    if (!template.status().sendable()) {
      throw new ApiException(Status.CONFLICT, "template_not_approved", "template.id",
          "template " + template.name() + " is " + template.status()
              + template.rejectionReason().map(r -> " (" + r + ")").orElse("") + "; only APPROVED templates can be sent");
    }
    RenderedTemplate rendered = TemplateRenderer.render(template.definition(), bindings, lead, headerMedia);
    repository.recordUse(template.id(), now());
    return new PreparedTemplate(template.id(), template.name(), rendered);
  }

  public MessageTemplate require(TenantId tenant, String id) {
    return repository.find(tenant, id).orElseThrow(() -> ApiException.notFound("template"));
  }

  private void requireValid(TemplateDefinition definition) {
    List<Violation> violations = TemplateValidator.check(definition);
    if (!violations.isEmpty()) {
      throw new InvalidTemplateException("template_invalid", violations);
    }
  }

  private void requireUniqueName(TenantId tenant, TemplateDefinition definition, String exceptId) {
    repository.findByName(tenant, definition.name(), definition.language())
        .filter(other -> !other.id().equals(exceptId))
        .ifPresent(other -> {
          throw new ApiException(Status.CONFLICT, "template_exists", "name", "a template named "
              + definition.name() + " in " + definition.language() + " already exists");
        });
  }

  private void fireIfChanged(MessageTemplate template, TemplateStatus previous, String reason) {
    if (previous != template.status()) {
      statusChanges.fire(new TemplateStatusChanged(template.tenant(), template.id(), template.name(), previous,
          template.status(), reason));
    }
  }

  private static ApiException providerFailure(CatalogException e) {
    return e.refused()
        ? ApiException.unprocessable("template", e.getMessage())
        : new ApiException(Status.SERVICE_UNAVAILABLE, "provider_unavailable", null, e.getMessage());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
