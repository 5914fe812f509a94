package dev.crm.whatsapp.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.templates.TemplateStatus;
import dev.crm.whatsapp.templates.TemplateStatusChanged;
import dev.crm.whatsapp.testing.PluginDatabase;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Campaigns and their template's life: in-use answers for deletion, and pausing when Meta pauses it. */
class CampaignTemplateUsagePgTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T09:00:00Z");

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying("wa_campaign_recipient", "wa_campaign");

  @Test
  void aTemplatePausedByTheProviderPausesRunningCampaignsWithTheReason() {
    String running = campaign("Running", "template-1", CampaignStatus.RUNNING);
    String draft = campaign("Draft", "template-1", CampaignStatus.DRAFT);
    String other = campaign("Other", "template-2", CampaignStatus.RUNNING);

    database.persistence().run(em -> usage(em).templateChanged(new TemplateStatusChanged(ACME, "template-1",
        "spring_offer", TemplateStatus.APPROVED, TemplateStatus.PAUSED, "low quality")));

    Campaign paused = find(running);
    assertThat(paused.status()).isEqualTo(CampaignStatus.PAUSED);
    assertThat(paused.statusReason()).contains("template spring_offer is PAUSED (low quality)");
    assertThat(find(draft).status()).isEqualTo(CampaignStatus.DRAFT);
    assertThat(find(other).status()).isEqualTo(CampaignStatus.RUNNING);
  }

  @Test
  void scheduledAndRunningCampaignsHoldTheirTemplateButDraftsDoNot() {
    campaign("Spring", "template-1", CampaignStatus.SCHEDULED);
    campaign("Idea", "template-1", CampaignStatus.DRAFT);

    List<String> acme = database.persistence().inTransaction(em -> usage(em).activeUsesOf(ACME, "template-1"));
    List<String> globex = database.persistence().inTransaction(em ->
        usage(em).activeUsesOf(TenantId.of("globex"), "template-1"));

    assertThat(acme).containsExactly("campaign 'Spring' (scheduled)");
    assertThat(globex).isEmpty();
  }

  private static CampaignTemplateUsage usage(jakarta.persistence.EntityManager em) {
    CampaignTemplateUsage usage = new CampaignTemplateUsage();
    usage.campaigns = CampaignRepository.over(em);
    usage.clock = Clock.fixed(T0.plusHours(1).toInstant(), ZoneOffset.UTC);
    return usage;
  }

  private String campaign(String name, String templateId, CampaignStatus status) {
    return database.persistence().inTransaction(em -> {
      Campaign campaign = Campaign.draft(ACME, new CampaignSettings(name, null, templateId, null, null,
          Schedule.now(ZoneId.of("UTC")), 100, null, false), "rep", T0);
      if (status != CampaignStatus.DRAFT) {
        campaign.moveTo(status == CampaignStatus.SCHEDULED ? status : CampaignStatus.RUNNING, "move", null, T0);
      }
      em.persist(campaign);
      return campaign.id();
    });
  }

  private Campaign find(String id) {
    return database.persistence().inTransaction(em -> em.find(Campaign.class, id));
  }
}
