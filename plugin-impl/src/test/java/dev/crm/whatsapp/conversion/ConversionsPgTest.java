package dev.crm.whatsapp.conversion;

import static dev.crm.whatsapp.history.LeadMessageBuilder.T0;
import static dev.crm.whatsapp.history.LeadMessageBuilder.aMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.CustomerId;
import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.events.LeadConverted;
import dev.crm.whatsapp.history.MessageStore;
import dev.crm.whatsapp.host.LeadTables;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import dev.crm.whatsapp.testing.PluginDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conversions on PostgreSQL: recorded once, attributed to the last delivered message in the window, found
 * by lead and by customer, from the CDI event and from the demo host's customer table (customers 1 and 2
 * of acme from leads 3 and 8; customer 3 of globex from lead 35).
 */
class ConversionsPgTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final LeadId LEAD = LeadId.of("7");
  private static final OffsetDateTime CONVERTED = T0.plusDays(10);
  private static final Clock CLOCK = Clock.fixed(CONVERTED.plusHours(1).toInstant(), ZoneOffset.UTC);

  @RegisterExtension
  static final PluginDatabase database =
      PluginDatabase.withDemoHostTablesEmptying("wa_conversion", "wa_message");

  private static MessageStore store;

  @BeforeAll
  static void openPersistenceUnit() {
    store = new MessageStore(database.persistence());
  }

  @Test
  void conversionIsAttributedToTheLastMessageDeliveredInTheWindow() {
    String older = delivered("wamid.1", CONVERTED.minusDays(5));
    String latest = delivered("wamid.2", CONVERTED.minusDays(1));
    delivered("wamid.after", CONVERTED.plusMinutes(1));

    Conversion conversion = record(LEAD, "C-1", Conversion.Source.REST).conversion();

    assertThat(conversion.attributedMessageId()).contains(latest).isNotEqualTo(Optional.of(older));
    assertThat(conversion.attributedCampaignId()).isEmpty();
  }

  @Test
  void theCampaignThatLastDeliveredKeepsTheCreditWhenARepWroteAfterIt() {
    String campaignMessage = store.accepted(aMessage().build().forCampaign("campaign-7", "recipient-7"), "wamid.c", T0);
    store.advance(campaignMessage, MessageStatus.DELIVERED, CONVERTED.minusDays(3));
    String repMessage = delivered("wamid.rep", CONVERTED.minusDays(1));

    Conversion conversion = record(LEAD, "C-1", Conversion.Source.REST).conversion();

    assertThat(conversion.attributedMessageId()).contains(repMessage);
    assertThat(conversion.attributedCampaignId()).contains("campaign-7");
  }

  @Test
  void messageDeliveredBeforeTheWindowIsNotCredited() {
    delivered("wamid.old", CONVERTED.minusDays(31));

    assertThat(record(LEAD, "C-1", Conversion.Source.REST).conversion().attributedMessageId()).isEmpty();
  }

  @Test
  void readWithoutDeliveredCountsAsDelivered() {
    String id = store.accepted(aMessage().build(), "wamid.r", T0);
    store.advance(id, MessageStatus.READ, CONVERTED.minusHours(2));

    assertThat(record(LEAD, "C-1", Conversion.Source.REST).conversion().attributedMessageId()).contains(id);
  }

  @Test
  void secondReportOfTheSameCustomerChangesNothing() {
    Conversions.Recorded first = record(LEAD, "C-1", Conversion.Source.REST);
    Conversions.Recorded again = record(LEAD, "C-1", Conversion.Source.EVENT);

    assertThat(first.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.conversion().id()).isEqualTo(first.conversion().id());
    assertThat(count()).isEqualTo(1);
  }

  @Test
  void conversionsAreFoundByLeadAndByCustomer() {
    record(LEAD, "C-1", Conversion.Source.REST);

    assertThat(inTx(c -> c.ofCustomer(ACME, CustomerId.of("C-1"))).map(Conversion::lead)).contains(LEAD);
    List<Conversion> ofLead = inTx(c -> c.ofLead(ACME, LEAD));
    Optional<Conversion> otherTenant = inTx(c -> c.ofCustomer(TenantId.of("globex"), CustomerId.of("C-1")));
    assertThat(ofLead).extracting(Conversion::customer).containsExactly(CustomerId.of("C-1"));
    assertThat(otherTenant).isEmpty();
  }

  @Test
  void cdiEventIsRecordedAsAConversion() {
    database.persistence().run(em -> {
      LeadConvertedObserver observer = new LeadConvertedObserver();
      observer.conversions = conversions(em);
      observer.onConverted(new LeadConverted(ACME, LEAD, CustomerId.of("C-9"), CONVERTED.toInstant()));
    });

    Conversion conversion = inTx(c -> c.ofCustomer(ACME, CustomerId.of("C-9"))).orElseThrow();
    assertThat(conversion.source()).isEqualTo("event");
    assertThat(conversion.convertedAt()).isAtSameInstantAs(CONVERTED);
  }

  @Test
  void scanRecordsEveryConvertedCustomerOfTheHostOnce() {
    int first = database.persistence().inTransaction(em -> scan(em).scanOnce());
    int second = database.persistence().inTransaction(em -> scan(em).scanOnce());

    assertThat(first).isEqualTo(3);
    assertThat(second).isZero();
    assertThat(inTx(c -> c.ofCustomer(ACME, CustomerId.of("2"))).map(Conversion::lead)).contains(LeadId.of("8"));
    assertThat(inTx(c -> c.ofCustomer(TenantId.of("globex"), CustomerId.of("3"))).map(Conversion::source))
        .contains("scan");
  }

  @Test
  void scanSkipsCustomersAlreadyReportedByRest() {
    database.persistence().run(em -> conversions(em).record(ACME, LeadId.of("3"), CustomerId.of("1"), CONVERTED, Conversion.Source.REST));

    int recorded = database.persistence().inTransaction(em -> scan(em).scanOnce());
    assertThat(recorded).isEqualTo(2);
    assertThat(inTx(c -> c.ofCustomer(ACME, CustomerId.of("1"))).map(Conversion::source)).contains("rest");
  }

  private String delivered(String wamid, OffsetDateTime at) {
    String id = store.accepted(aMessage().build(), wamid, T0);
    store.advance(id, MessageStatus.DELIVERED, at);
    return id;
  }

  private Conversions.Recorded record(LeadId lead, String customer, Conversion.Source source) {
    return database.persistence().inTransaction(em -> conversions(em).record(ACME, lead, CustomerId.of(customer), CONVERTED, source));
  }

  private <T> T inTx(java.util.function.Function<Conversions, T> work) {
    return database.persistence().inTransaction(em -> work.apply(conversions(em)));
  }

  private long count() {
    return database.persistence().inTransaction(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM wa_conversion")
        .getSingleResult()).longValue());
  }

  private static Conversions conversions(EntityManager em) {
    return Conversions.over(em, CLOCK, Duration.ofDays(30));
  }

  private static HostConversionScan scan(EntityManager em) {
    return HostConversionScan.over(database.schema().dataSource(), LeadTables.demoMapping(), conversions(em), CLOCK);
  }
}
