package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.api.host.LeadDirectory;
import dev.crm.whatsapp.audience.Candidate;
import dev.crm.whatsapp.campaigns.CampaignContent.TemplateChoice;
import dev.crm.whatsapp.platform.errors.ApiError.Violation;
import dev.crm.whatsapp.templates.Binding;
import dev.crm.whatsapp.templates.InvalidTemplateException;
import dev.crm.whatsapp.templates.MessageTemplate;
import dev.crm.whatsapp.templates.TemplateRenderer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How one run places its recipients: the A/B variant of each, and which of them miss a template variable
 * (a lead or recipient binding without a value and without a fallback), found by rendering the message they
 * would get, so that nothing is sent to anyone before every recipient has been checked.
 */
final class RunPlan {
  /** The error message of a recipient skipped for missing variables starts with this. */
  static final String MISSING = "missing_variables";

  private final String campaignId;
  private final TenantId tenant;
  private final CampaignContent content;
  private final Map<String, MessageTemplate> templates;
  private final MissingVariables mode;
  private final LeadDirectory directory;

  RunPlan(Campaign campaign, Map<String, MessageTemplate> templates, LeadDirectory directory) {
    this.campaignId = campaign.id();
    this.tenant = campaign.tenant();
    this.content = CampaignContent.of(campaign);
    this.templates = Map.copyOf(templates);
    this.mode = campaign.missingVariables();
    this.directory = directory;
  }

  /** The variant and, in {@code skip} mode, the reason to skip a candidate missing a variable. */
  RecipientWriter.Placement place(Candidate candidate) {
    Optional<String> variant = content.variantFor(campaignId, candidate.phone());
    String skip = mode == MissingVariables.SKIP ? missing(candidate, variant).orElse(null) : null;
    return new RecipientWriter.Placement(variant.orElse(null), skip);
  }

  /** {@code missing_variables: body.1 (...)} when the candidate's message cannot be filled in. */
  Optional<String> missing(Candidate candidate) {
    return missing(candidate, content.variantFor(campaignId, candidate.phone()));
  }

  private Optional<String> missing(Candidate candidate, Optional<String> variant) {
    Optional<TemplateChoice> choice = content.templateFor(variant);
    if (choice.isEmpty()) {
      return Optional.empty();
    }
    MessageTemplate template = templates.get(choice.get().templateId());
    if (template == null) {
      // deleted since the launch checked it: the feeder pauses the campaign with that reason
      return Optional.empty();
    }
    try {
      TemplateRenderer.render(template.definition(), forVariables(choice.get().bindings(), candidate.variables(),
          candidate.name(), candidate.phone().e164()),
          leadOf(candidate), null);
      return Optional.empty();
    } catch (InvalidTemplateException e) {
      return Optional.of(MISSING + ": " + e.violations().stream().map(Violation::field)
          .map(field -> field.startsWith("bindings.") ? field.substring("bindings.".length()) : field).distinct()
          .collect(Collectors.joining(", ")));
    }
  }

  /** The lead as read with the audience, else as the host has it now, else one made from the list row. */
  private Lead leadOf(Candidate candidate) {
    return candidate.hostLead()
        .or(() -> Optional.ofNullable(candidate.leadId()).flatMap(id -> directory.find(tenant, LeadId.of(id))))
        .orElseGet(() -> listLead(tenant, candidate.leadId(), candidate.name(), candidate.phone().e164(),
            candidate.zone(), candidate.variables()));
  }

  static Lead listLead(TenantId tenant, String leadId, String name, String e164, java.time.ZoneId zone,
      Map<String, String> variables) {
    return new Lead(LeadId.of(leadId == null ? "list:" + e164 : leadId), tenant, name, e164, null, null, null,
        null, null, zone, null, variables);
  }

  /**
   * {@code recipient} bindings take the recipient's own variable named by {@code field} (a CSV column); the
   * list's {@code name} and {@code phone} columns are the recipient's name and phone, not variables, and
   * are found under those names too.
   */
  static Map<String, Binding> forVariables(Map<String, Binding> bindings, Map<String, String> variables,
      String name, String phone) {
    Map<String, Binding> resolved = new HashMap<>(bindings);
    bindings.forEach((key, binding) -> {
      if ("recipient".equalsIgnoreCase(binding.source())) {
        String value = binding.field() == null ? binding.value() : column(binding.field(), variables, name, phone);
        resolved.put(key, new Binding("recipient", binding.field(),
            value == null || value.isBlank() ? binding.fallback() : value, binding.fallback()));
      }
    });
    return resolved;
  }

  private static String column(String field, Map<String, String> variables, String name, String phone) {
    String value = variables.get(field);
    if (value != null) {
      return value;
    }
    return "name".equalsIgnoreCase(field) ? name : "phone".equalsIgnoreCase(field) ? phone : null;
  }

  /** Candidates missing variables, described for a refused launch, at most {@code limit} of them. */
  static String describe(List<String> problems, long total) {
    return total + (total == 1 ? " recipient misses" : " recipients miss") + " template variable values: "
        + String.join("; ", problems) + (total > problems.size() ? "; ..." : "");
  }
}
