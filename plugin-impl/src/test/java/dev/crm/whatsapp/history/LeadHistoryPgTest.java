package dev.crm.whatsapp.history;

import static dev.crm.whatsapp.history.LeadMessageBuilder.T0;
import static dev.crm.whatsapp.history.LeadMessageBuilder.aMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.platform.errors.ApiException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import dev.crm.whatsapp.testing.PluginDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A lead's history with filters, its summary figures and the 24-hour window, on PostgreSQL. */
class LeadHistoryPgTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final LeadId LEAD = LeadId.of("7");
  private static final PhoneNumber PHONE = PhoneNumber.of("+6281234567890");

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying("wa_message", "wa_campaign");

  private static MessageStore store;

  @BeforeAll
  static void openPersistenceUnit() {
    store = new MessageStore(database.persistence());
  }

  @Test
  void pagesWalkBothDirectionsNewestFirstWithoutGapsOrRepeats() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ids.add(i % 2 == 0 ? store.add(aMessage().createdAt(T0.plusMinutes(i)).build())
          : store.add(inbound("wamid.in" + i, T0.plusMinutes(i))));
    }
    List<String> seen = new ArrayList<>();
    Optional<HistoryCursor> cursor = Optional.empty();
    do {
      List<LeadMessage> page = page(HistoryFilter.none(), cursor, 3);
      page.forEach(m -> seen.add(m.id()));
      cursor = page.size() == 3 ? Optional.of(HistoryCursor.after(page.get(2))) : Optional.empty();
    } while (cursor.isPresent());

    java.util.Collections.reverse(ids);
    assertThat(seen).containsExactlyElementsOf(ids);
  }

  @Test
  void directionAndStatusFiltersNarrowThePage() {
    store.add(aMessage().createdAt(T0).build());
    store.add(inbound("wamid.in1", T0.plusMinutes(1)));
    String failed = store.claimed(aMessage().createdAt(T0.plusMinutes(2)).build(), T0);
    store.fail(failed, T0.plusMinutes(3), 131026, "undeliverable");

    assertThat(page(HistoryFilter.parse("inbound", null, null, null, null), Optional.empty(), 10))
        .extracting(LeadMessage::direction).containsExactly(Direction.INBOUND);
    assertThat(page(HistoryFilter.parse(null, "failed", null, null, null), Optional.empty(), 10))
        .extracting(LeadMessage::id).containsExactly(failed);
  }

  @Test
  void dateRangeIsInclusiveFromAndExclusiveTo() {
    store.add(aMessage().createdAt(T0).build());
    String inside = store.add(aMessage().createdAt(T0.plusHours(1)).build());
    store.add(aMessage().createdAt(T0.plusHours(2)).build());

    HistoryFilter filter = HistoryFilter.parse(null, null, null, T0.plusHours(1).toString(), T0.plusHours(2).toString());

    assertThat(page(filter, Optional.empty(), 10)).extracting(LeadMessage::id).containsExactly(inside);
  }

  @Test
  void campaignFilterLeavesOutARepsOwnMessages() {
    store.add(aMessage().createdAt(T0).build());

    assertThat(page(HistoryFilter.parse(null, null, "spring-sale", null, null), Optional.empty(), 10)).isEmpty();
  }

  @Test
  void unreadableFiltersAreRefusedNamingTheParameter() {
    assertThatThrownBy(() -> HistoryFilter.parse("sideways", null, null, null, null))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("direction"));
    assertThatThrownBy(() -> HistoryFilter.parse(null, "lost", null, null, null))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("status"));
    assertThatThrownBy(() -> HistoryFilter.parse(null, null, null, "yesterday", null))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("from"));
    assertThatThrownBy(() -> HistoryFilter.parse(null, null, null, T0.toString(), T0.toString()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("to"));
  }

  @Test
  void figuresCountByDirectionAndStatusWithTheLatestTimes() {
    store.add(aMessage().createdAt(T0).build());
    store.add(aMessage().createdAt(T0.plusMinutes(5)).build());
    store.add(inbound("wamid.in1", T0.plusMinutes(2)));

    LeadHistory.Figures figures = database.persistence().inTransaction(em -> LeadHistory.over(em).figures(ACME, LEAD));

    assertThat(figures.total()).isEqualTo(3);
    assertThat(figures.byDirection()).containsEntry(Direction.INBOUND, 1L).containsEntry(Direction.OUTBOUND, 2L);
    assertThat(figures.byStatus()).containsEntry(MessageStatus.QUEUED, 2L).containsEntry(MessageStatus.RECEIVED, 1L);
    assertThat(figures.lastInbound()).hasValueSatisfying(t -> assertThat(t).isAtSameInstantAs(T0.plusMinutes(2)));
    assertThat(figures.lastContact()).hasValueSatisfying(t -> assertThat(t).isAtSameInstantAs(T0.plusMinutes(5)));
  }

  @Test
  void textIsAllowedWithin24HoursOfTheLeadsLastMessage() {
    store.add(inbound("wamid.in1", T0));

    window(T0.plusHours(23).plusMinutes(59)).requireOpenForText(ACME, LEAD);
  }

  @Test
  void textAfterTheWindowClosedIsRefusedSayingWhenItClosed() {
    store.add(inbound("wamid.in1", T0));

    assertThatThrownBy(() -> window(T0.plusHours(24)).requireOpenForText(ACME, LEAD))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.getMessage()).contains("template").contains(T0.plusHours(24).toString());
        });
  }

  @Test
  void textToALeadWhoNeverWroteIsRefused() {
    store.add(aMessage().createdAt(T0).build());

    assertThatThrownBy(() -> window(T0.plusMinutes(1)).requireOpenForText(ACME, LEAD))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("never written"));
  }

  @Test
  void windowNotEnforcedAllowsText() {
    database.persistence().run(em -> ServiceWindow.over(em, Clock.fixed(T0.toInstant(), ZoneOffset.UTC), false)
        .requireOpenForText(ACME, LEAD));
  }

  private ServiceWindow windowAt(OffsetDateTime now, jakarta.persistence.EntityManager em) {
    return ServiceWindow.over(em, Clock.fixed(now.toInstant(), ZoneOffset.UTC), true);
  }

  private Checker window(OffsetDateTime now) {
    return (tenant, lead) -> database.persistence().run(em -> windowAt(now, em).requireOpenForText(tenant, lead));
  }

  private interface Checker {
    void requireOpenForText(TenantId tenant, LeadId lead);
  }

  @Test
  void theCampaignFilterKeepsThatCampaignsMessagesAndTheirNamesAreLookedUpPerTenant() {
    campaign("c-spring", "acme", "Spring sale");
    campaign("c-other", "globex", "Not yours");
    String fromCampaign = store.add(aMessage().createdAt(T0).build().forCampaign("c-spring", "r-1"));
    store.add(aMessage().createdAt(T0.plusMinutes(1)).build());

    List<LeadMessage> page = page(HistoryFilter.parse(null, null, "c-spring", null, null), Optional.empty(), 10);

    assertThat(page).extracting(LeadMessage::id).containsExactly(fromCampaign);
    java.util.Map<String, String> names = database.persistence().inTransaction(
        em -> LeadHistory.over(em).campaignNames(ACME, List.of("c-spring", "c-other", "c-missing")));
    assertThat(names).containsExactly(java.util.Map.entry("c-spring", "Spring sale"));
  }

  private static void campaign(String id, String tenant, String name) {
    database.persistence().run(em -> em.createNativeQuery("INSERT INTO wa_campaign (id, tenant_id, name, template_id,"
            + " status, created_at, updated_at) VALUES (?1, ?2, ?3, 't-1', 'DRAFT', now(), now())")
        .setParameter(1, id).setParameter(2, tenant).setParameter(3, name).executeUpdate());
  }

  private List<LeadMessage> page(HistoryFilter filter, Optional<HistoryCursor> cursor, int limit) {
    return database.persistence().inTransaction(em -> LeadHistory.over(em).page(ACME, LEAD, filter, cursor, limit));
  }

  static LeadMessage inbound(String wamid, OffsetDateTime at) {
    return LeadMessage.inbound(ACME, LEAD, PHONE, "text", "hi", wamid, "sandbox-number-1", at);
  }
}
