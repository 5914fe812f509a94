package dev.crm.whatsapp.webhooks;

import static dev.crm.whatsapp.history.LeadMessageBuilder.T0;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.body;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.entry;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.inboundChange;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.status;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.statusChange;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.text;
import static dev.crm.whatsapp.webhooks.WebhookWiring.ACME_ONLY_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.consent.ConsentRecord;
import dev.crm.whatsapp.consent.ConsentState;
import dev.crm.whatsapp.consent.LeadDataErasure;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.history.MessageStore;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import dev.crm.whatsapp.testing.PluginDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GDPR erasure of a lead's WhatsApp data, and webhooks that arrive after it, on PostgreSQL. */
class LeadDataErasurePgTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final LeadId LEAD_1 = LeadId.of("1");
  private static final String LEAD_1_WA_ID = "6281363053471";
  private static final PhoneNumber LEAD_1_PHONE = PhoneNumber.of("+" + LEAD_1_WA_ID);
  private static final OffsetDateTime NOW = T0.plusDays(1);
  private static final Clock CLOCK = Clock.fixed(NOW.toInstant(), ZoneOffset.UTC);
  private static final long AT = T0.plusMinutes(10).toEpochSecond();

  @RegisterExtension
  static final PluginDatabase database =
      PluginDatabase.withDemoHostTablesEmptying("wa_webhook_event", "wa_message", "wa_unmatched_inbound", "wa_consent", "wa_erased_message");

  private static MessageStore store;

  @BeforeAll
  static void openPersistenceUnit() {
    store = new MessageStore(database.persistence());
  }

  @Test
  void erasureRemovesMessagesAndWebhookBodiesMentioningTheNumber() {
    byte[] stop = body(entry("waba-1", inboundChange(ACME_ONLY_NUMBER, text("wamid.IN1", LEAD_1_WA_ID, "STOP", AT))));
    byte[] other = body(entry("waba-1", inboundChange(ACME_ONLY_NUMBER, text("wamid.IN9", "12125559220", "hi", AT))));
    receive(stop);
    receive(other);

    LeadDataErasure.Erased erased = erase();

    assertThat(erased.messages()).isEqualTo(1);
    assertThat(erased.webhookEvents()).isEqualTo(1);
    assertThat(history("1")).isEmpty();
    assertThat(history("4")).hasSize(1);
    assertThat(count("wa_webhook_event")).isEqualTo(1);
  }

  @Test
  void erasedOptOutLosesTheNumberButStaysOptedOut() {
    receive(body(entry("waba-1", inboundChange(ACME_ONLY_NUMBER, text("wamid.IN1", LEAD_1_WA_ID, "STOP", AT)))));

    erase();

    ConsentRecord consent = database.persistence().inTransaction(em -> WebhookWiring.consent(em).find(ACME, LEAD_1_PHONE)).orElseThrow();
    assertThat(consent.state()).isEqualTo(ConsentState.OPTED_OUT);
    assertThat(consent.phone()).isEmpty();
    assertThat(consent.detail()).isEmpty();
    boolean optedOut = database.persistence().inTransaction(em -> WebhookWiring.consent(em).isOptedOut(ACME, LEAD_1_PHONE));
    assertThat(optedOut).isTrue();
  }

  @Test
  void lateInboundWebhookForAnErasedMessageDoesNotRecreateIt() {
    byte[] hello = body(entry("waba-1", inboundChange(ACME_ONLY_NUMBER, text("wamid.IN1", LEAD_1_WA_ID, "hello", AT))));
    receive(hello);
    erase();

    receive(hello);

    assertThat(history("1")).isEmpty();
  }

  @Test
  void lateStatusForAnErasedMessageIsDoneWithAtOnce() {
    store.accepted(dev.crm.whatsapp.history.LeadMessageBuilder.aMessage().lead("1").build(), "wamid.OUT", T0);
    erase();

    String event = receive(body(entry("waba-1", statusChange(status("wamid.OUT", "read", AT).build()))));

    assertThat(count("wa_message")).isZero();
    OffsetDateTime processed = database.persistence().inTransaction(em -> em.find(WebhookEvent.class, event).processedAt());
    assertThat(processed).isNotNull();
  }

  private LeadDataErasure.Erased erase() {
    return database.persistence().inTransaction(em -> LeadDataErasure.over(em, WebhookWiring.HASHER, CLOCK)
        .erase(ACME, LEAD_1, Optional.of(LEAD_1_PHONE)));
  }

  private String receive(byte[] raw) {
    String id = database.persistence().inTransaction(em -> WebhookWiring.events(em, database.schema().dataSource(), CLOCK).store("cloud-api", raw));
    database.persistence().inTransaction(em -> WebhookWiring.events(em, database.schema().dataSource(), CLOCK).process(id));
    return id;
  }

  private List<LeadMessage> history(String lead) {
    return store.history(ACME, LeadId.of(lead), Optional.empty(), 100);
  }

  private long count(String table) {
    return database.persistence().inTransaction(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table)
        .getSingleResult()).longValue());
  }
}
