package dev.crm.whatsapp.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.audience.AudienceSpec;
import dev.crm.whatsapp.audience.Audiences;
import dev.crm.whatsapp.audience.Candidate;
import dev.crm.whatsapp.host.LeadTables;
import dev.crm.whatsapp.host.SharedDatabaseLeadDirectory;
import dev.crm.whatsapp.platform.PhoneNormaliser;
import dev.crm.whatsapp.testing.PluginDatabase;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Opted-out numbers are left out of audiences, counted under {@code opted_out}, per tenant. */
class OptedOutExclusionPgTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final PhoneHasher HASHER = PhoneHasher.withKey("test-hash-key");
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T10:00:00Z");
  // Lead 2 of the demo host (acme) writes this number.
  private static final PhoneNumber LEAD_2_PHONE = PhoneNumber.of("+6285719509313");

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.withDemoHostTablesEmptying("wa_consent");

  private final SharedDatabaseLeadDirectory directory =
      SharedDatabaseLeadDirectory.over(database.schema().dataSource(), LeadTables.demoMapping());

  @Test
  void anOptedOutNumberIsCountedAsExcludedAndNotReached() {
    record(ACME, ConsentState.OPTED_OUT);

    Audiences.Preview preview = preview();

    assertThat(preview.count()).isEqualTo(1);
    assertThat(preview.excluded()).containsEntry(OptedOutExclusion.REASON, 1L);
    assertThat(preview.sample()).extracting(Candidate::leadId).containsExactly("1");
  }

  @Test
  void aNumberThatOptedBackInIsReachedAgain() {
    record(ACME, ConsentState.OPTED_OUT);
    database.persistence().run(em -> ConsentRegistry.over(em, HASHER)
        .record(ACME, LEAD_2_PHONE, ConsentState.OPTED_IN, ConsentSource.KEYWORD, "START", T0.plusHours(1)));

    assertThat(preview().count()).isEqualTo(2);
  }

  @Test
  void anotherTenantsOptOutDoesNotExcludeTheNumber() {
    record(TenantId.of("globex"), ConsentState.OPTED_OUT);

    Audiences.Preview preview = preview();

    assertThat(preview.count()).isEqualTo(2);
    assertThat(preview.excluded()).isEmpty();
  }

  private void record(TenantId tenant, ConsentState state) {
    database.persistence().run(em -> ConsentRegistry.over(em, HASHER)
        .record(tenant, LEAD_2_PHONE, state, ConsentSource.KEYWORD, "STOP", T0));
  }

  private Audiences.Preview preview() {
    return database.persistence().inTransaction(em -> Audiences.over(directory, PhoneNormaliser.forRegion("ID"),
            List.of(OptedOutExclusion.over(ConsentRegistry.over(em, HASHER))))
        .preview(ACME, AudienceSpec.ofLeads(List.of("1", "2")), 10));
  }
}
