package dev.crm.whatsapp.audience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.campaigns.Campaign;
import dev.crm.whatsapp.campaigns.CampaignRepository;
import dev.crm.whatsapp.campaigns.CampaignSettings;
import dev.crm.whatsapp.campaigns.RecipientStatus;
import dev.crm.whatsapp.campaigns.RecipientWriter;
import dev.crm.whatsapp.campaigns.Schedule;
import dev.crm.whatsapp.host.LeadTables;
import dev.crm.whatsapp.host.SharedDatabaseLeadDirectory;
import dev.crm.whatsapp.platform.PhoneNormaliser;
import dev.crm.whatsapp.testing.PgSchema;
import dev.crm.whatsapp.testing.WhatsAppPersistence;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Audiences over the demo host's leads on PostgreSQL: criteria, exclusions by reason, and the run snapshot. */
class AudiencesPgTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T10:00:00Z");
  private static final List<String> FIRST_TWENTY = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11",
      "12", "13", "14", "15", "16", "17", "18", "19", "20");

  @RegisterExtension static final PgSchema schema = PgSchema.withDemoHostTables();
  private static WhatsAppPersistence persistence;

  private final SharedDatabaseLeadDirectory directory =
      SharedDatabaseLeadDirectory.over(schema.dataSource(), LeadTables.demoMapping());
  private final PhoneNormaliser phones = PhoneNormaliser.forRegion("ID");

  @BeforeAll
  static void open() {
    persistence = WhatsAppPersistence.over(schema.dataSource());
  }

  @AfterAll
  static void close() {
    persistence.close();
  }

  @AfterEach
  void empty() {
    schema.execute("DELETE FROM wa_campaign_recipient");
    schema.execute("DELETE FROM wa_campaign");
  }

  @Test
  void criteriaCombineEachNarrowingTheSelection() {
    AudienceSpec spec = new AudienceSpec("leads", List.of("negotiation"), null, null, null, null, null,
        List.of("enterprise"), FIRST_TWENTY);

    Audiences.Preview preview = audiences(List.of()).preview(ACME, spec, 10);

    assertThat(preview.count()).isEqualTo(3);
    assertThat(preview.sample()).extracting(Candidate::leadId).containsExactlyInAnyOrder("7", "14", "19");
    assertThat(preview.excluded()).isEmpty();
  }

  @Test
  void leadsWithoutAValidPhoneAreLeftOutAndCountedByReason() {
    Audiences.Preview preview = audiences(List.of()).preview(ACME, AudienceSpec.ofLeads(List.of("1", "17")), 10);

    assertThat(preview.count()).isEqualTo(1);
    assertThat(preview.excluded()).containsEntry(Audiences.INVALID_PHONE, 1L);
    assertThat(preview.sample().get(0).phone()).isEqualTo(PhoneNumber.of("+6281363053471"));
  }

  @Test
  void anExclusionLeavesOutItsPhonesUnderItsReason() {
    AudienceExclusion optedOut = (tenant, phone) ->
        phone.e164().equals("+6285719509313") ? Optional.of("opted_out") : Optional.empty();

    Audiences.Preview preview = audiences(List.of(optedOut)).preview(ACME, AudienceSpec.ofLeads(List.of("1", "2")), 10);

    assertThat(preview.count()).isEqualTo(1);
    assertThat(preview.excluded()).containsEntry("opted_out", 1L);
  }

  @Test
  void theSnapshotIsWrittenInBatchesWithDuplicatePhonesMergedAndDoesNotFollowLaterHostChanges() {
    String campaignId = persistence.inTransaction(em -> {
      Campaign campaign = Campaign.draft(ACME, new CampaignSettings("Snapshot", null, "t", null, null,
          Schedule.now(ZoneId.of("UTC")), 100, null, false), "rep", T0);
      em.persist(campaign);
      return campaign.id();
    });
    long[] written = persistence.inTransaction(em -> {
      CampaignRepository repository = CampaignRepository.over(em);
      try (RecipientWriter.Batch batch = RecipientWriter.over(repository).open(ACME, campaignId, 1, T0)) {
        audiences(List.of()).resolve(ACME, AudienceSpec.ofLeads(FIRST_TWENTY), batch::add, reason -> { });
        // the same people again, past a batch boundary: every one of them is merged
        for (int i = 0; i < 600; i++) {
          batch.add(new Candidate(null, "again", PhoneNumber.of("+6281363053471"), null, null));
        }
        return new long[] {batch.added(), batch.merged()};
      }
    });
    schema.execute("UPDATE lead SET phone = '+6281111111111' WHERE id = 1");
    try {
      List<String> phones = persistence.inTransaction(em -> {
        List<String> found = new ArrayList<>();
        CampaignRepository.over(em).recipients(campaignId, 1, RecipientStatus.PENDING, 0, 100)
            .forEach(r -> found.add(r.phone().e164()));
        return found;
      });
      // leads 5, 6, 15, 16 (fictional UK and German ranges) and 17 ('12345') have no valid phone
      assertThat(written[0]).isEqualTo(15);
      assertThat(written[1]).isEqualTo(600);
      assertThat(phones).hasSize(15).contains("+6281363053471").doesNotContain("+6281111111111");
    } finally {
      schema.execute("UPDATE lead SET phone = '081363053471' WHERE id = 1");
    }
  }

  private Audiences audiences(List<AudienceExclusion> exclusions) {
    return Audiences.over(directory, phones, exclusions);
  }
}
