package dev.crm.whatsapp.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.host.LeadCriteria;
import dev.crm.whatsapp.api.host.Range;
import dev.crm.whatsapp.host.LeadTableMapping.LeadTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadSqlTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final boolean NUMERIC_IDS = true;

  private final LeadTable table = LeadTables.demo();

  @Test
  void everyIdentifierIsQuoted() {
    LeadSql sql = LeadSql.select(table, NUMERIC_IDS, ACME, LeadCriteria.all(), 0, 20);

    assertThat(sql.sql())
        .startsWith("SELECT \"id\", \"tenant_id\", \"name\", \"phone\", \"status\", \"source\", \"priority\","
            + " \"assigned_to\", \"created_at\", \"time_zone\", \"tags\", \"email\", \"company\" FROM \"lead\"")
        .contains("WHERE \"tenant_id\" = ?")
        .endsWith("ORDER BY \"id\" LIMIT ? OFFSET ?");
  }

  @Test
  void emptyCriteriaFilterOnlyByTenant() {
    LeadSql sql = LeadSql.count(table, NUMERIC_IDS, ACME, LeadCriteria.all());

    assertThat(sql.sql()).isEqualTo("SELECT COUNT(*) FROM \"lead\" WHERE \"tenant_id\" = ?");
    assertThat(sql.parameters()).containsExactly("acme");
  }

  @Test
  void withoutTenantColumnEmptyCriteriaHaveNoWhere() {
    LeadSql sql = LeadSql.count(LeadTables.withoutTenant(), NUMERIC_IDS, ACME, LeadCriteria.all());

    assertThat(sql.sql()).isEqualTo("SELECT COUNT(*) FROM \"lead\"");
    assertThat(sql.parameters()).isEmpty();
  }

  @Test
  void textIsBoundNeverSpliced() {
    String hostile = "O'Brien'); DROP TABLE lead; --";

    LeadSql sql = LeadSql.select(table, NUMERIC_IDS, ACME, LeadCriteria.matching(hostile), 0, 20);

    assertThat(sql.sql()).doesNotContain("Brien").doesNotContain("DROP")
        .contains("(LOWER(\"name\") LIKE ? ESCAPE '\\' OR \"phone\" LIKE ? ESCAPE '\\')");
    assertThat(sql.parameters()).containsExactly(
        "acme", "%o'brien'); drop table lead; --%", "%o'brien'); drop table lead; --%", 20, 0L);
  }

  @Test
  void likeWildcardsInTextAreEscaped() {
    LeadSql sql = LeadSql.count(table, NUMERIC_IDS, ACME, LeadCriteria.matching(" 100%_off\\ "));

    assertThat(sql.parameters()).containsExactly("acme", "%100\\%\\_off\\\\%", "%100\\%\\_off\\\\%");
  }

  @Test
  void blankTextDoesNotFilter() {
    LeadSql sql = LeadSql.count(table, NUMERIC_IDS, ACME, LeadCriteria.matching("   "));

    assertThat(sql.sql()).doesNotContain("LIKE");
  }

  @Test
  void setFiltersAreInListsOfBoundValues() {
    LeadCriteria criteria = new LeadCriteria(null, Set.of("new"), Set.of("website"), Set.of("high"),
        Set.of("rina.sales"), null, null, null, null);

    LeadSql sql = LeadSql.count(table, NUMERIC_IDS, ACME, criteria);

    assertThat(sql.sql()).isEqualTo("SELECT COUNT(*) FROM \"lead\" WHERE \"tenant_id\" = ? AND \"status\" IN (?)"
        + " AND \"source\" IN (?) AND \"priority\" IN (?) AND \"assigned_to\" IN (?)");
    assertThat(sql.parameters()).containsExactly("acme", "new", "website", "high", "rina.sales");
  }

  @Test
  void tagFilterMatchesWholeTagsInTheCommaList() {
    LeadCriteria criteria = new LeadCriteria(null, null, null, null, null, null, null, Set.of("vip"), null);

    LeadSql sql = LeadSql.count(table, NUMERIC_IDS, ACME, criteria);

    assertThat(sql.sql()).endsWith("AND ((',' || COALESCE(\"tags\", '') || ',') LIKE ? ESCAPE '\\')");
    assertThat(sql.parameters()).containsExactly("acme", "%,vip,%");
  }

  @Test
  void tagsAreAlternativesAndTheirWildcardsEscaped() {
    LeadCriteria criteria = new LeadCriteria(null, null, null, null, null, null, null, Set.of("a_b", "c%"), null);

    LeadSql sql = LeadSql.count(table, NUMERIC_IDS, ACME, criteria);

    assertThat(sql.sql()).contains(" OR ");
    assertThat(sql.parameters()).containsExactlyInAnyOrder("acme", "%,a\\_b,%", "%,c\\%,%");
  }

  @Test
  void filterOnAnUnmappedColumnMatchesNothing() {
    LeadCriteria criteria = new LeadCriteria(null, null, null, null, null, null, null, Set.of("vip"), null);

    LeadSql sql = LeadSql.count(LeadTables.withoutTags(), NUMERIC_IDS, ACME, criteria);

    assertThat(sql.sql()).endsWith("AND 1 = 0");
  }

  @Test
  void createdRangeIsInclusiveFromAndExclusiveTo() {
    Instant from = Instant.parse("2026-03-01T00:00:00Z");
    Instant to = Instant.parse("2026-04-01T00:00:00Z");
    LeadCriteria criteria = new LeadCriteria(null, null, null, null, null, from, to, null, null);

    LeadSql sql = LeadSql.count(table, NUMERIC_IDS, ACME, criteria);

    assertThat(sql.sql()).endsWith("\"created_at\" >= ? AND \"created_at\" < ?");
    assertThat(sql.parameters()).containsExactly("acme", Timestamp.from(from), Timestamp.from(to));
  }

  @Test
  void numericIdColumnDropsIdsThatAreNoNumbers() {
    LeadCriteria criteria = byIds("7", "abc", "12");

    LeadSql sql = LeadSql.count(table, NUMERIC_IDS, ACME, criteria);

    assertThat(sql.sql()).endsWith("\"id\" IN (?, ?)");
    assertThat(sql.parameters()).hasSize(3).contains("acme").contains(7L, 12L).doesNotContain("abc");
  }

  @Test
  void onlyNonNumericIdsOnANumericColumnMatchNothing() {
    LeadSql sql = LeadSql.count(table, NUMERIC_IDS, ACME, byIds("abc", "1; drop table lead"));

    assertThat(sql.sql()).endsWith("AND 1 = 0");
    assertThat(sql.parameters()).containsExactly("acme");
  }

  @Test
  void textIdColumnKeepsIdsAsText() {
    LeadSql sql = LeadSql.count(table, false, ACME, byIds("L-7"));

    assertThat(sql.parameters()).containsExactly("acme", "L-7");
  }

  @Test
  void findLooksUpOneIdInTheTenant() {
    LeadSql sql = LeadSql.find(table, NUMERIC_IDS, ACME, LeadId.of("35"));

    assertThat(sql.sql()).contains("WHERE \"tenant_id\" = ? AND \"id\" IN (?)").endsWith("LIMIT ? OFFSET ?");
    assertThat(sql.parameters()).containsExactly("acme", 35L, 1, 0L);
  }

  @Test
  void pagingIsBound() {
    Range third = Range.page(2, 25);

    LeadSql sql = LeadSql.select(table, NUMERIC_IDS, ACME, LeadCriteria.all(), third.offset(), third.limit());

    assertThat(sql.parameters()).containsExactly("acme", 25, 50L);
  }

  @Test
  void everythingHasNoLimit() {
    LeadSql sql = LeadSql.select(table, NUMERIC_IDS, ACME, LeadCriteria.all(), Range.ALL.offset(), Range.ALL.limit());

    assertThat(sql.sql()).doesNotContain("LIMIT").endsWith("ORDER BY \"id\"");
    assertThat(sql.parameters()).containsExactly("acme");
  }

  @Test
  void escapeLikeEscapesTheEscapeCharacterFirst() {
    assertThat(LeadSql.escapeLike("a\\%")).isEqualTo("a\\\\\\%");
  }

  private static LeadCriteria byIds(String... ids) {
    return new LeadCriteria(null, null, null, null, null, null, null, null,
        java.util.Arrays.stream(ids).map(LeadId::of).collect(java.util.stream.Collectors.toSet()));
  }
}
