package dev.crm.whatsapp.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.CustomerId;
import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.host.Customer;
import dev.crm.whatsapp.testing.MapConfig;
import dev.crm.whatsapp.testing.PgSchema;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared-database customer adapter over the demo host's tables, where acme's customers 1 and 2 were
 * converted from leads 3 and 8, and globex's customer 3 from lead 35.
 */
class SharedDatabaseCustomerDirectoryPgTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  @RegisterExtension static final PgSchema schema = PgSchema.withDemoHostTables();

  private final SharedDatabaseCustomerDirectory directory =
      SharedDatabaseCustomerDirectory.over(schema.dataSource(), LeadTables.demoMapping());

  @Test
  void customerConvertedFromALeadIsFoundWithItsFields() {
    Customer customer = directory.findConvertedFrom(ACME, LeadId.of("3")).orElseThrow();

    assertThat(customer.id()).isEqualTo(CustomerId.of("1"));
    assertThat(customer.tenant()).isEqualTo(ACME);
    assertThat(customer.displayName()).isEqualTo("Citra Smith");
    assertThat(customer.phone()).isEqualTo("+1 415 555 9364");
    assertThat(customer.originalLead()).contains(LeadId.of("3"));
    assertThat(customer.createdAt()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
  }

  @Test
  void conversionIsOnlyFoundInItsOwnTenant() {
    assertThat(directory.findConvertedFrom(ACME, LeadId.of("8"))).get()
        .extracting(Customer::id).isEqualTo(CustomerId.of("2"));
    assertThat(directory.findConvertedFrom(GLOBEX, LeadId.of("8"))).isEmpty();
    assertThat(directory.findConvertedFrom(ACME, LeadId.of("35"))).isEmpty();
    assertThat(directory.findConvertedFrom(GLOBEX, LeadId.of("35"))).get()
        .extracting(Customer::id).isEqualTo(CustomerId.of("3"));
  }

  @Test
  void leadThatWasNeverConvertedHasNoCustomer() {
    assertThat(directory.findConvertedFrom(ACME, LeadId.of("1"))).isEmpty();
  }

  @Test
  void leadIdThatIsNoNumberHasNoCustomerRatherThanAnError() {
    assertThat(directory.findConvertedFrom(ACME, LeadId.of("abc"))).isEmpty();
  }

  @Test
  void customerIsFoundByIdOnlyInItsTenant() {
    assertThat(directory.find(ACME, CustomerId.of("1"))).isPresent();
    assertThat(directory.find(ACME, CustomerId.of("3"))).isEmpty();
    assertThat(directory.find(GLOBEX, CustomerId.of("3"))).isPresent();
    assertThat(directory.find(GLOBEX, CustomerId.of("x"))).isEmpty();
  }

  @Test
  void withoutAConversionColumnNoConversionIsFound() {
    SharedDatabaseCustomerDirectory unmapped = SharedDatabaseCustomerDirectory.over(schema.dataSource(),
        LeadTables.mapping(MapConfig.empty().with("wa.host.customer.lead-column", "none")));

    assertThat(unmapped.findConvertedFrom(ACME, LeadId.of("3"))).isEmpty();
  }

  @Test
  void singleTenantHostFindsEveryConversionForThatTenantOnly() {
    SharedDatabaseCustomerDirectory single =
        SharedDatabaseCustomerDirectory.over(schema.dataSource(), LeadTables.singleTenantMapping("acme"));

    assertThat(single.findConvertedFrom(ACME, LeadId.of("35"))).get()
        .extracting(Customer::tenant).isEqualTo(ACME);
    assertThat(single.findConvertedFrom(GLOBEX, LeadId.of("35"))).isEmpty();
  }
}
