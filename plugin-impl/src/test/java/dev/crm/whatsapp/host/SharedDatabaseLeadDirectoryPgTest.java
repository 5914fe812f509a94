package dev.crm.whatsapp.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.api.host.LeadCriteria;
import dev.crm.whatsapp.api.host.Range;
import dev.crm.whatsapp.testing.CountingDataSource;
import dev.crm.whatsapp.testing.PgSchema;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared-database adapter over the demo host's tables (30 leads of {@code acme}, ids 1-30; 20 of
 * {@code globex}, ids 31-50). The tests only read, so one schema serves the class.
 */
class SharedDatabaseLeadDirectoryPgTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  @RegisterExtension static final PgSchema schema = PgSchema.withDemoHostTables();

  private final SharedDatabaseLeadDirectory directory =
      SharedDatabaseLeadDirectory.over(schema.dataSource(), LeadTables.demoMapping());

  @Test
  void leadIsFoundWithEveryMappedField() {
    Lead lead = directory.find(ACME, LeadId.of("6")).orElseThrow();

    assertThat(lead.id()).isEqualTo(LeadId.of("6"));
    assertThat(lead.tenant()).isEqualTo(ACME);
    assertThat(lead.displayName()).isEqualTo("Fitri Patel");
    assertThat(lead.phone()).isEqualTo("+49 151 1976796");
    assertThat(lead.status()).isEqualTo("qualified");
    assertThat(lead.source()).isEqualTo("facebook");
    assertThat(lead.priority()).isEqualTo("low");
    assertThat(lead.assignedUser()).isEqualTo("rina.sales");
    assertThat(lead.createdAt()).isEqualTo(Instant.parse("2026-07-19T14:18:00Z"));
    assertThat(lead.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(lead.tags()).containsExactlyInAnyOrder("event-2026", "newsletter", "enterprise");
    assertThat(lead.attributes()).isEqualTo(Map.of("email", "fitri.patel@example.com", "company", "Vandelay Imports"));
  }

  @Test
  void missingTimeZoneAndEmptyTagsReadAsAbsent() {
    assertThat(directory.find(ACME, LeadId.of("29")).orElseThrow().zone()).isEmpty();
    assertThat(directory.find(ACME, LeadId.of("1")).orElseThrow().tags()).isEmpty();
  }

  @Test
  void leadOfAnotherTenantIsNotFound() {
    assertThat(directory.find(ACME, LeadId.of("35"))).isEmpty();
    assertThat(directory.find(GLOBEX, LeadId.of("35"))).isPresent();
    assertThat(directory.find(GLOBEX, LeadId.of("1"))).isEmpty();
  }

  @Test
  void unknownTenantHasNoLeads() {
    TenantId nobody = TenantId.of("initech");

    assertThat(directory.count(nobody, LeadCriteria.all())).isZero();
    assertThat(directory.find(nobody, LeadId.of("1"))).isEmpty();
  }

  @Test
  void idThatIsNoNumberIsNotFoundRatherThanAnError() {
    assertThat(directory.find(ACME, LeadId.of("abc"))).isEmpty();
    assertThat(directory.find(ACME, LeadId.of("1 OR 1=1"))).isEmpty();
    assertThat(directory.count(ACME, byIds("abc"))).isZero();
  }

  @Test
  void countIsPerTenant() {
    assertThat(directory.count(ACME, LeadCriteria.all())).isEqualTo(30);
    assertThat(directory.count(GLOBEX, LeadCriteria.all())).isEqualTo(20);
  }

  @Test
  void selectionIsTheTenantsLeadsInIdOrder() {
    assertThat(ids(ACME, LeadCriteria.all(), Range.ALL)).isEqualTo(LongStream.rangeClosed(1, 30).boxed().toList());
    assertThat(ids(GLOBEX, LeadCriteria.all(), Range.ALL)).isEqualTo(LongStream.rangeClosed(31, 50).boxed().toList());
  }

  @Test
  void pagesFollowIdOrderWithoutOverlapOrGap() {
    List<Long> walked = new ArrayList<>();
    List<Long> page;
    int number = 0;
    do {
      page = ids(ACME, LeadCriteria.all(), Range.page(number++, 7));
      assertThat(page).hasSizeLessThanOrEqualTo(7);
      walked.addAll(page);
    } while (!page.isEmpty());

    assertThat(number).isEqualTo(6);
    assertThat(walked).isEqualTo(LongStream.rangeClosed(1, 30).boxed().toList());
  }

  @Test
  void textSearchIgnoresCaseOfTheName() {
    assertThat(ids(ACME, LeadCriteria.matching("BROWN"))).containsExactly(1L, 17L);
    assertThat(ids(ACME, LeadCriteria.matching("müller"))).containsExactly(8L, 24L);
    assertThat(ids(ACME, LeadCriteria.matching("MÜLLER"))).containsExactly(8L, 24L);
    assertThat(directory.count(ACME, LeadCriteria.matching("brown"))).isEqualTo(2);
  }

  @Test
  void textSearchFindsDigitsOfThePhoneAsStored() {
    assertThat(ids(ACME, LeadCriteria.matching("5719509313"))).containsExactly(2L);
    assertThat(ids(ACME, LeadCriteria.matching("555"))).containsExactly(3L, 4L, 13L, 14L, 23L, 24L);
  }

  @Test
  void textSearchStaysInTheTenant() {
    assertThat(ids(GLOBEX, LeadCriteria.matching("müller"))).containsExactly(40L);
  }

  @Test
  void textSearchTreatsQuotesAndWildcardsAsText() {
    assertThat(ids(ACME, LeadCriteria.matching("o'brien"))).containsExactly(9L, 25L);
    assertThat(ids(ACME, LeadCriteria.matching("%"))).isEmpty();
    assertThat(ids(ACME, LeadCriteria.matching("_"))).isEmpty();
  }

  @Test
  void statusFilterKeepsThoseStatuses() {
    assertThat(ids(ACME, criteria().statuses("negotiation").build()))
        .containsExactly(1L, 3L, 5L, 7L, 14L, 16L, 19L, 20L, 26L);
  }

  @Test
  void sourceFilterKeepsAnyOfTheSources() {
    assertThat(ids(ACME, criteria().sources("website", "referral").build()))
        .containsExactly(1L, 2L, 7L, 13L, 16L, 19L, 23L, 30L);
  }

  @Test
  void priorityFilterKeepsThatPriority() {
    assertThat(ids(ACME, criteria().priorities("high").build())).containsExactly(9L, 21L, 24L, 26L, 28L, 29L, 30L);
  }

  @Test
  void ownerFilterKeepsThatOwnersLeads() {
    assertThat(ids(ACME, criteria().owners("tom.sales").build())).containsExactly(13L, 20L, 25L);
    assertThat(ids(GLOBEX, criteria().owners("tom.sales").build())).isEmpty();
  }

  @Test
  void tagFilterMatchesWholeTags() {
    assertThat(ids(ACME, criteria().tags("vip").build())).containsExactly(8L, 16L, 18L, 20L, 26L, 27L, 28L, 29L);
    assertThat(ids(ACME, criteria().tags("vi").build())).isEmpty();
  }

  @Test
  void tagFilterKeepsLeadsWithAnyOfTheTags() {
    assertThat(ids(ACME, criteria().tags("smb", "webinar").build())).containsExactly(11L, 12L, 13L, 21L, 30L);
  }

  @Test
  void createdRangeIncludesItsStartAndExcludesItsEnd() {
    LeadCriteria range = criteria()
        .created(Instant.parse("2026-03-07T10:26:00Z"), Instant.parse("2026-05-13T12:52:00Z")).build();

    assertThat(ids(ACME, range)).containsExactly(2L, 3L, 12L, 13L, 22L, 23L);
  }

  @Test
  void idFilterKeepsOnlyTheTenantsOwnIds() {
    assertThat(ids(ACME, byIds("1", "2", "35", "abc"))).containsExactly(1L, 2L);
  }

  @Test
  void filtersCombineWithAnd() {
    LeadCriteria combined = criteria().statuses("negotiation").priorities("low").tags("returning").build();

    assertThat(ids(ACME, combined)).containsExactly(7L, 19L, 20L);
    assertThat(directory.count(ACME, combined)).isEqualTo(3);
  }

  @Test
  void textAndFiltersCombine() {
    LeadCriteria criteria = criteria().statuses("negotiation").sources("website").build().withText("o");

    assertThat(ids(ACME, criteria)).containsExactly(1L, 16L, 19L);
  }

  @Test
  void countAgreesWithTheSelection() {
    LeadCriteria criteria = criteria().tags("vip", "enterprise").build();

    assertThat(directory.count(ACME, criteria)).isEqualTo(ids(ACME, criteria).size());
  }

  @Test
  void singleTenantHostHasEveryRowInThatTenant() {
    SharedDatabaseLeadDirectory single =
        SharedDatabaseLeadDirectory.over(schema.dataSource(), LeadTables.singleTenantMapping("acme"));

    assertThat(single.count(ACME, LeadCriteria.all())).isEqualTo(50);
    assertThat(single.find(ACME, LeadId.of("35"))).get().extracting(Lead::tenant).isEqualTo(ACME);
    try (Stream<Lead> all = single.select(ACME, LeadCriteria.all(), Range.ALL)) {
      assertThat(all).hasSize(50).allSatisfy(lead -> assertThat(lead.tenant()).isEqualTo(ACME));
    }
  }

  @Test
  void singleTenantHostShowsOtherTenantsNothing() {
    SharedDatabaseLeadDirectory single =
        SharedDatabaseLeadDirectory.over(schema.dataSource(), LeadTables.singleTenantMapping("acme"));

    assertThat(single.count(GLOBEX, LeadCriteria.all())).isZero();
    assertThat(single.find(GLOBEX, LeadId.of("1"))).isEmpty();
    try (Stream<Lead> none = single.select(GLOBEX, LeadCriteria.all(), Range.ALL)) {
      assertThat(none).isEmpty();
    }
  }

  @Test
  void closingTheStreamReturnsItsConnection() {
    CountingDataSource counting = new CountingDataSource(schema.dataSource());
    SharedDatabaseLeadDirectory counted = SharedDatabaseLeadDirectory.over(counting, LeadTables.demoMapping());

    try (Stream<Lead> leads = counted.select(ACME, LeadCriteria.all(), Range.ALL)) {
      // Read part of it by hand: AssertJ would close the stream itself.
      assertThat(leads.limit(3).toList()).hasSize(3);
      assertThat(counting.openConnections()).as("the cursor holds its connection while open").isEqualTo(1);
    }

    assertThat(counting.openConnections()).isZero();
  }

  @Test
  void repeatedLookupsLeaveNoConnectionOpen() {
    CountingDataSource counting = new CountingDataSource(schema.dataSource());
    SharedDatabaseLeadDirectory counted = SharedDatabaseLeadDirectory.over(counting, LeadTables.demoMapping());

    for (int i = 0; i < 40; i++) {
      counted.find(ACME, LeadId.of(Integer.toString(i + 1)));
      counted.count(GLOBEX, LeadCriteria.matching("a"));
      try (Stream<Lead> page = counted.select(ACME, LeadCriteria.all(), Range.page(i % 5, 7))) {
        page.forEach(lead -> { });
      }
    }

    assertThat(counting.openConnections()).isZero();
  }

  private List<Long> ids(TenantId tenant, LeadCriteria criteria) {
    return ids(tenant, criteria, Range.ALL);
  }

  private List<Long> ids(TenantId tenant, LeadCriteria criteria, Range range) {
    try (Stream<Lead> leads = directory.select(tenant, criteria, range)) {
      return leads.map(lead -> Long.parseLong(lead.id().value())).toList();
    }
  }

  private static LeadCriteria byIds(String... ids) {
    return criteria().ids(ids).build();
  }

  private static CriteriaBuilder criteria() {
    return new CriteriaBuilder();
  }

  /** Test data: lead criteria, one filter at a time. */
  static final class CriteriaBuilder {
    private Set<String> statuses = Set.of();
    private Set<String> sources = Set.of();
    private Set<String> priorities = Set.of();
    private Set<String> owners = Set.of();
    private Set<String> tags = Set.of();
    private Set<LeadId> ids = Set.of();
    private Instant from;
    private Instant to;

    CriteriaBuilder statuses(String... values) {
      statuses = Set.of(values);
      return this;
    }

    CriteriaBuilder sources(String... values) {
      sources = Set.of(values);
      return this;
    }

    CriteriaBuilder priorities(String... values) {
      priorities = Set.of(values);
      return this;
    }

    CriteriaBuilder owners(String... values) {
      owners = Set.of(values);
      return this;
    }

    CriteriaBuilder tags(String... values) {
      tags = Set.of(values);
      return this;
    }

    CriteriaBuilder ids(String... values) {
      ids = Arrays.stream(values).map(LeadId::of).collect(Collectors.toSet());
      return this;
    }

    CriteriaBuilder created(Instant fromInclusive, Instant toExclusive) {
      from = fromInclusive;
      to = toExclusive;
      return this;
    }

    LeadCriteria build() {
      return new LeadCriteria(null, statuses, sources, priorities, owners, from, to, tags, ids);
    }
  }
}
