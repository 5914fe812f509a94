package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.templates.Binding;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a campaign sends, read from its columns: one template with bindings, A/B variants, or direct
 * content. {@link #templateFor} answers which template and bindings a recipient's message uses.
 */
record CampaignContent(String templateId, Map<String, Binding> bindings, List<Variant> variants,
    DirectContent direct) {

  /** A template and the bindings to fill it with. */
  record TemplateChoice(String templateId, Map<String, Binding> bindings) {}

  static CampaignContent of(Campaign campaign) {
    return new CampaignContent(campaign.templateId(), CampaignJson.bindings(campaign.bindingsJson()),
        CampaignJson.variants(campaign.variantsJson()), CampaignJson.content(campaign.contentJson()));
  }

  boolean isDirect() {
    return direct != null;
  }

  boolean hasVariants() {
    return !variants.isEmpty();
  }

  /** The variant key a recipient of this campaign gets, when it has variants. */
  Optional<String> variantFor(String campaignId, PhoneNumber phone) {
    return hasVariants() ? Optional.of(Variants.assign(variants, campaignId, phone).key()) : Optional.empty();
  }

  /** The template of a recipient's message (the variant's when it has one); empty for direct content. */
  Optional<TemplateChoice> templateFor(Optional<String> variantKey) {
    if (isDirect()) {
      return Optional.empty();
    }
    if (!hasVariants()) {
      return Optional.of(new TemplateChoice(templateId, bindings));
    }
    Variant variant = variantKey.flatMap(key -> variants.stream().filter(v -> v.key().equals(key)).findFirst())
        .orElse(variants.get(0));
    return Optional.of(new TemplateChoice(variant.templateId(), variant.bindings()));
  }

  /** Every template the campaign sends (none for direct content). */
  List<TemplateChoice> templates() {
    if (isDirect()) {
      return List.of();
    }
    if (!hasVariants()) {
      return List.of(new TemplateChoice(templateId, bindings));
    }
    return variants.stream().map(v -> new TemplateChoice(v.templateId(), v.bindings())).toList();
  }
}
