package dev.crm.whatsapp.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.security.Caller;
import dev.crm.whatsapp.testing.PluginDatabase;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What callers do to a completed campaign, on PostgreSQL: retry its failures as a new run, and start follow-up
 * drafts from its failed, unresponsive or not-converted recipients.
 */
class CampaignServicePgTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T09:00:00Z");

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying("wa_conversion", "wa_message",
      "wa_campaign_recipient", "wa_campaign");

  @Test
  void retryFailedStartsANewRunOfTheRetryableFailuresKeepingEachOnesVariant() {
    String id = completedCampaign(List.of(
        new Outcome("1", "+6281300000001", RecipientStatus.FAILED, 131000, false),
        new Outcome("2", "+6281300000002", RecipientStatus.FAILED, 131026, false),
        new Outcome("3", "+6281300000003", RecipientStatus.FAILED, 470, false),
        new Outcome("4", "+6281300000004", RecipientStatus.READ, null, false)));

    Campaign retried = service(s -> s.retryFailed(ACME, id, false));

    assertThat(retried.status()).isEqualTo(CampaignStatus.RUNNING);
    assertThat(retried.runNo()).isEqualTo(2);
    assertThat(leadsOf(id, 2)).containsExactly("1");
    assertThat(recipients(id, 2).get(0).status()).isEqualTo(RecipientStatus.PENDING);
    assertThat(recipients(id, 2).get(0).variant()).contains("A");
  }

  @Test
  void retryingEveryFailureTakesThoseWithoutACodeButStillLeavesTheUndeliverableAndOptedOutOut() {
    String id = completedCampaign(List.of(
        new Outcome("1", "+6281300000001", RecipientStatus.FAILED, 131000, false),
        new Outcome("2", "+6281300000002", RecipientStatus.FAILED, 131026, false),
        new Outcome("3", "+6281300000003", RecipientStatus.FAILED, 470, false),
        new Outcome("4", "+6281300000004", RecipientStatus.FAILED, null, false),
        new Outcome("5", "+6281300000005", RecipientStatus.FAILED, 131050, false)));

    service(s -> s.retryFailed(ACME, id, true));

    assertThat(leadsOf(id, 2)).containsExactlyInAnyOrder("1", "3", "4");
  }

  @Test
  void followUpDraftsStartFromFailedUnresponsiveOrNotConvertedRecipients() {
    String id = completedCampaign(List.of(
        new Outcome("1", "+6281300000001", RecipientStatus.FAILED, 131000, false),
        new Outcome("2", "+6281300000002", RecipientStatus.READ, null, true),
        new Outcome("3", "+6281300000003", RecipientStatus.DELIVERED, null, false),
        new Outcome("4", "+6281300000004", RecipientStatus.READ, null, false)));
    database.schema().execute("INSERT INTO wa_conversion (id, tenant_id, lead_id, customer_id, converted_at, source,"
        + " recorded_at) VALUES ('conv-1', 'acme', '4', 'c-4', '2026-03-02T09:00:00Z', 'api', '2026-03-02T09:00:00Z')");

    Campaign failed = service(s -> s.followUp(caller(), id, FollowUp.FAILED));
    Campaign unresponsive = service(s -> s.followUp(caller(), id, FollowUp.UNRESPONSIVE));
    Campaign notConverted = service(s -> s.followUp(caller(), id, FollowUp.NOT_CONVERTED));

    assertThat(failed.status()).isEqualTo(CampaignStatus.DRAFT);
    assertThat(failed.name()).isEqualTo("Follow-up (failed) of Spring");
    assertThat(failed.contentJson()).contains("Spring is here");
    assertThat(CampaignJson.audience(failed.audienceJson()).isList()).isTrue();
    assertThat(leadsOf(failed.id(), 0)).containsExactly("1");
    assertThat(leadsOf(unresponsive.id(), 0)).containsExactlyInAnyOrder("3", "4");
    assertThat(leadsOf(notConverted.id(), 0)).containsExactlyInAnyOrder("2", "3");
  }

  private record Outcome(String lead, String phone, RecipientStatus status, Integer errorCode, boolean replied) {}

  private String completedCampaign(List<Outcome> outcomes) {
    return database.persistence().inTransaction(em -> {
      Campaign campaign = Campaign.draft(ACME, new CampaignSettings("Spring", null, null, null, null,
          "{\"type\":\"text\",\"text\":\"Spring is here\"}", MissingVariables.REFUSE, "{\"source\":\"leads\"}",
          Schedule.now(ZoneId.of("UTC")), 100, null, false, null), "rep", T0);
      campaign.beginRun(T0, RunTrigger.LAUNCH);
      campaign.moveTo(CampaignStatus.RUNNING, "start", null, T0);
      campaign.moveTo(CampaignStatus.COMPLETED, "complete", null, T0.plusHours(1));
      em.persist(campaign);
      for (Outcome outcome : outcomes) {
        CampaignRecipient recipient = CampaignRecipient.pending(ACME, campaign.id(), 1, outcome.lead(), "Lead",
            PhoneNumber.of(outcome.phone()), null, null, T0);
        recipient.assignVariant("A");
        em.persist(recipient);
        LeadMessage message = LeadMessage.outboundText(ACME, LeadId.of(outcome.lead()), PhoneNumber.of(outcome.phone()),
            "Spring is here", "campaign", T0).forCampaign(campaign.id(), recipient.id());
        em.persist(message);
        recipient.messaged(message.id(), T0);
        em.flush();
        em.createNativeQuery("UPDATE wa_campaign_recipient SET status = ? WHERE id = ?")
            .setParameter(1, outcome.status().name()).setParameter(2, recipient.id()).executeUpdate();
        if (outcome.errorCode() != null) {
          em.createNativeQuery("UPDATE wa_campaign_recipient SET error_code = ? WHERE id = ?")
              .setParameter(1, outcome.errorCode()).setParameter(2, recipient.id()).executeUpdate();
        }
        if (outcome.replied()) {
          em.createNativeQuery("UPDATE wa_message SET responded_at = ? WHERE id = ?")
              .setParameter(1, T0.plusMinutes(5)).setParameter(2, message.id()).executeUpdate();
        }
      }
      return campaign.id();
    });
  }

  private Campaign service(Function<CampaignService, Campaign> action) {
    return database.persistence().inTransaction(em -> action.apply(service(em)));
  }

  private static CampaignService service(EntityManager em) {
    CampaignService service = new CampaignService();
    service.campaigns = CampaignRepository.over(em);
    service.writer = RecipientWriter.over(service.campaigns);
    service.templates = dev.crm.whatsapp.templates.TemplateRepository.over(em);
    service.clock = Clock.fixed(T0.plusDays(2).toInstant(), ZoneOffset.UTC);
    service.held = dev.crm.whatsapp.dispatch.CampaignMessages.over(em);
    service.senderAccounts = dev.crm.whatsapp.accounts.SenderAccounts.over(em);
    return service;
  }

  private static Caller caller() {
    return new Caller(ACME, "rep", Set.of());
  }

  private List<CampaignRecipient> recipients(String id, int run) {
    return database.persistence().inTransaction(em -> CampaignRepository.over(em).recipients(id, run, null, 0, 100));
  }

  private List<String> leadsOf(String id, int run) {
    return recipients(id, run).stream().map(r -> r.leadId().orElseThrow()).collect(Collectors.toList());
  }
}
