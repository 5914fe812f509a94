package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.templates.TemplateStatusChanged;
import dev.crm.whatsapp.templates.TemplateUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Campaigns and their template: a template used by a scheduled, running or paused campaign cannot be
 * deleted, and one the provider paused or disabled pauses the running campaigns using it, with the reason.
 */
@ApplicationScoped
public class CampaignTemplateUsage implements TemplateUsage {
  private static final List<CampaignStatus> ACTIVE =
      List.of(CampaignStatus.SCHEDULED, CampaignStatus.RUNNING, CampaignStatus.PAUSED);

  @Inject CampaignRepository campaigns;
  @Inject Clock clock;

  @Override
  public List<String> activeUsesOf(TenantId tenant, String templateId) {
    return campaigns.usingTemplate(tenant, templateId, ACTIVE).stream()
        .map(c -> "campaign '" + c.name() + "' (" + c.status().name().toLowerCase() + ")")
        .toList();
  }

  /** Runs in the transaction that changed the template's status. */
  void templateChanged(@Observes TemplateStatusChanged change) {
    if (!change.stopsSending()) {
      return;
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    String reason = "template " + change.name() + " is " + change.current()
        + (change.reason() == null ? "" : " (" + change.reason() + ")");
    for (Campaign campaign : campaigns.usingTemplate(change.tenant(), change.templateId(),
        List.of(CampaignStatus.RUNNING))) {
      campaigns.lock(campaign.id()).filter(c -> c.status() == CampaignStatus.RUNNING)
          .ifPresent(c -> c.moveTo(CampaignStatus.PAUSED, "pause", reason, now));
    }
  }
}
