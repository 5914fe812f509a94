package dev.crm.whatsapp.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.api.host.LeadCriteria;
import dev.crm.whatsapp.api.host.Range;
import dev.crm.whatsapp.testing.PgSchema;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code LeadCriteria.phoneNumbers} over the demo host's phones, written in many ways. */
class LeadsByPhonePgTest {
  @RegisterExtension static final PgSchema schema = PgSchema.withDemoHostTables();

  private final SharedDatabaseLeadDirectory directory =
      SharedDatabaseLeadDirectory.over(schema.dataSource(), LeadTables.demoMapping());

  @Test
  void numberMatchesTheHostsNationalInternationalAndPunctuatedForms() {
    assertThat(ids("acme", "+6281363053471")).contains(LeadId.of("1"));   // 081363053471
    assertThat(ids("acme", "+6285719509313")).contains(LeadId.of("2"));   // 6285719509313
    assertThat(ids("acme", "+12125559220")).contains(LeadId.of("4"));     // +1 (212) 555-9220
    assertThat(ids("acme", "+6281219946072")).contains(LeadId.of("10"));  // +62 812-1994-6072
  }

  @Test
  void numberOfAnotherTenantsLeadIsNotFound() {
    assertThat(ids("globex", "+6281363053471")).doesNotContain(LeadId.of("1"));
  }

  @Test
  void unknownNumberFindsNothing() {
    assertThat(ids("acme", "+6281299990000")).isEmpty();
  }

  private List<LeadId> ids(String tenant, String e164) {
    try (Stream<Lead> leads = directory.select(TenantId.of(tenant), LeadCriteria.withPhone(PhoneNumber.of(e164)),
        new Range(0, 50))) {
      return leads.map(Lead::id).toList();
    }
  }
}
