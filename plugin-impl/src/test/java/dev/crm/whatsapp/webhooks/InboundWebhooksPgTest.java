package dev.crm.whatsapp.webhooks;

import static dev.crm.whatsapp.history.LeadMessageBuilder.T0;
import static dev.crm.whatsapp.history.LeadMessageBuilder.aMessage;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.body;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.entry;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.failed;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.inboundChange;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.message;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.preferenceChange;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.status;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.statusChange;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.text;
import static dev.crm.whatsapp.webhooks.WebhookWiring.ACME_ONLY_NUMBER;
import static dev.crm.whatsapp.webhooks.WebhookWiring.SHARED_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.consent.ConsentRecord;
import dev.crm.whatsapp.consent.ConsentSource;
import dev.crm.whatsapp.consent.ConsentState;
import dev.crm.whatsapp.history.Direction;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.history.MessageStore;
import jakarta.json.Json;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import dev.crm.whatsapp.testing.PluginDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Inbound messages, opt-out keywords, marketing preferences and provider opt-outs arriving as Meta-shaped
 * webhooks, applied on PostgreSQL over the demo host's leads (acme lead 1 is {@code 081363053471}, lead 4
 * {@code +1 (212) 555-9220}; globex leads are 31-50).
 */
class InboundWebhooksPgTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final String LEAD_1_WA_ID = "6281363053471";
  private static final PhoneNumber LEAD_1_PHONE = PhoneNumber.of("+" + LEAD_1_WA_ID);
  private static final String LEAD_4_WA_ID = "12125559220";
  private static final String STRANGER_WA_ID = "6281299990000";
  private static final OffsetDateTime NOW = T0.plusHours(1);
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
  void inboundTextIsStoredInTheHistoryOfTheLeadWithThatPhone() {
    receive(body(entry("waba-1", inboundChange(ACME_ONLY_NUMBER, text("wamid.IN1", LEAD_1_WA_ID, "Halo, masih ada?", AT)))));

    LeadMessage in = history(ACME, "1").get(0);
    assertThat(in.direction()).isEqualTo(Direction.INBOUND);
    assertThat(in.status()).isEqualTo(MessageStatus.RECEIVED);
    assertThat(in.body()).isEqualTo("Halo, masih ada?");
    assertThat(in.phone()).isEqualTo(LEAD_1_PHONE);
    assertThat(in.providerMessageId()).contains("wamid.IN1");
    assertThat(in.createdAt()).isAtSameInstantAs(T0.plusMinutes(10));
  }

  @Test
  void leadIsMatchedWhateverFormatTheHostWritesItsPhoneIn() {
    receive(body(entry("waba-1", inboundChange(ACME_ONLY_NUMBER, text("wamid.IN4", LEAD_4_WA_ID, "hi", AT)))));

    assertThat(history(ACME, "4")).extracting(LeadMessage::body).containsExactly("hi");
  }

  @Test
  void duplicatedInboundWebhookIsStoredOnce() {
    byte[] webhook = body(entry("waba-1", inboundChange(ACME_ONLY_NUMBER, text("wamid.IN1", LEAD_1_WA_ID, "Halo", AT))));

    receive(webhook);
    receive(webhook);

    assertThat(history(ACME, "1")).hasSize(1);
  }

  @Test
  void buttonInteractiveReactionAndMediaRepliesReadAsWhatThePersonChose() {
    receive(body(entry("waba-1", inboundChange(ACME_ONLY_NUMBER,
        message("wamid.B", LEAD_1_WA_ID, AT, "button", Json.createObjectBuilder()
            .add("payload", "YES_PAYLOAD").add("text", "Yes please").build()),
        message("wamid.I", LEAD_1_WA_ID, AT + 1, "interactive", Json.createObjectBuilder().add("type", "list_reply")
            .add("list_reply", Json.createObjectBuilder().add("id", "opt-2").add("title", "Tuesday")).build()),
        message("wamid.R", LEAD_1_WA_ID, AT + 2, "reaction", Json.createObjectBuilder()
            .add("message_id", "wamid.OUT").add("emoji", "\uD83D\uDC4D").build()),
        message("wamid.M", LEAD_1_WA_ID, AT + 3, "image", Json.createObjectBuilder()
            .add("id", "media-1").add("mime_type", "image/jpeg").build())))));

    assertThat(history(ACME, "1")).extracting(LeadMessage::body, m -> m.messageType().orElse(null))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("[image]", "image"),
            org.assertj.core.groups.Tuple.tuple("\uD83D\uDC4D", "reaction"),
            org.assertj.core.groups.Tuple.tuple("Tuesday", "interactive"),
            org.assertj.core.groups.Tuple.tuple("Yes please", "button"));
  }

  @Test
  void messageFromAnUnknownNumberIsKeptAsUnmatchedForTheTenant() {
    receive(body(entry("waba-1", inboundChange(ACME_ONLY_NUMBER, text("wamid.X", STRANGER_WA_ID, "who is this", AT)))));

    List<UnmatchedInbound> unmatched = unmatched(ACME);
    assertThat(unmatched).hasSize(1);
    assertThat(unmatched.get(0).phone()).isEqualTo("+" + STRANGER_WA_ID);
    assertThat(unmatched.get(0).reason()).isEqualTo("no_lead");
    assertThat(unmatched.get(0).body()).isEqualTo("who is this");
    assertThat(count("wa_message")).isZero();
  }

  @Test
  void aSharedNumberPlacesTheMessageInTheOneTenantWithThatLead() {
    receive(body(entry("waba-1", inboundChange(SHARED_NUMBER, text("wamid.S", LEAD_1_WA_ID, "from acme lead", AT)))));

    assertThat(history(ACME, "1")).hasSize(1);
    assertThat(unmatched(ACME)).isEmpty();
    assertThat(unmatched(GLOBEX)).isEmpty();
  }

  @Test
  void replyMarksTheLatestOutboundMessageOfTheLeadAsResponded() {
    String older = store.accepted(aMessage().lead("1").createdAt(T0).build(), "wamid.O1", T0);
    String latest = store.accepted(aMessage().lead("1").createdAt(T0.plusMinutes(1)).build(), "wamid.O2", T0);

    receive(body(entry("waba-1", inboundChange(ACME_ONLY_NUMBER, text("wamid.IN1", LEAD_1_WA_ID, "ok", AT)))));

    assertThat(store.find(latest).respondedAt()).hasValueSatisfying(t -> assertThat(t).isAtSameInstantAs(T0.plusMinutes(10)));
    assertThat(store.find(older).respondedAt()).isEmpty();
  }

  @Test
  void stopKeywordOptsThePhoneOut() {
    receive(body(entry("waba-1", inboundChange(ACME_ONLY_NUMBER, text("wamid.IN1", LEAD_1_WA_ID, " stop! ", AT)))));

    ConsentRecord consent = consent(ACME, LEAD_1_PHONE).orElseThrow();
    assertThat(consent.state()).isEqualTo(ConsentState.OPTED_OUT);
    assertThat(consent.source()).isEqualTo(ConsentSource.KEYWORD);
    assertThat(history(ACME, "1")).hasSize(1);
  }

  @Test
  void startAfterStopOptsBackInAndOrderOfArrivalDoesNotMatter() {
    byte[] stop = body(entry("waba-1", inboundChange(ACME_ONLY_NUMBER, text("wamid.1", LEAD_1_WA_ID, "BERHENTI", AT))));
    byte[] start = body(entry("waba-1", inboundChange(ACME_ONLY_NUMBER, text("wamid.2", LEAD_1_WA_ID, "start", AT + 60))));

    receive(start);
    receive(stop);

    assertThat(consent(ACME, LEAD_1_PHONE).orElseThrow().state()).isEqualTo(ConsentState.OPTED_IN);
  }

  @Test
  void sentenceContainingStopIsNotAnOptOut() {
    receive(body(entry("waba-1", inboundChange(ACME_ONLY_NUMBER,
        text("wamid.IN1", LEAD_1_WA_ID, "please don't stop the offers", AT)))));

    assertThat(consent(ACME, LEAD_1_PHONE)).isEmpty();
  }

  @Test
  void stopFromAnUnknownNumberToASharedNumberOptsOutOfEveryTenantOnIt() {
    receive(body(entry("waba-1", inboundChange(SHARED_NUMBER, text("wamid.X", STRANGER_WA_ID, "STOP", AT)))));

    PhoneNumber stranger = PhoneNumber.of("+" + STRANGER_WA_ID);
    assertThat(consent(ACME, stranger).orElseThrow().state()).isEqualTo(ConsentState.OPTED_OUT);
    assertThat(consent(GLOBEX, stranger).orElseThrow().state()).isEqualTo(ConsentState.OPTED_OUT);
  }

  @Test
  void userPreferencesStopRecordsAnOptOut() {
    receive(body(entry("waba-1", preferenceChange(ACME_ONLY_NUMBER, LEAD_1_WA_ID, "stop", AT))));

    ConsentRecord consent = consent(ACME, LEAD_1_PHONE).orElseThrow();
    assertThat(consent.state()).isEqualTo(ConsentState.OPTED_OUT);
    assertThat(consent.source()).isEqualTo(ConsentSource.USER_PREFERENCES);
  }

  @Test
  void failedStatusWith131050RecordsAProviderOptOut() {
    String id = store.accepted(aMessage().lead("1").build(), "wamid.A", T0);

    receive(body(entry("waba-1", statusChange(failed("wamid.A", AT, 131050,
        "User has stopped marketing messages").build()))));

    assertThat(store.find(id).status()).isEqualTo(MessageStatus.FAILED);
    ConsentRecord consent = consent(ACME, PhoneNumber.of("+6281234567890")).orElseThrow();
    assertThat(consent.state()).isEqualTo(ConsentState.OPTED_OUT);
    assertThat(consent.source()).isEqualTo(ConsentSource.PROVIDER_ERROR);
  }

  @Test
  void pricingCategoryOfAStatusIsStored() {
    String id = store.accepted(aMessage().build(), "wamid.A", T0);

    receive(body(entry("waba-1", statusChange(status("wamid.A", "delivered", AT).build()))));

    assertThat(store.find(id).pricingCategory()).contains("utility");
  }

  @Test
  void readWithoutDeliveredEndsReadAndALateDeliveredKeepsRead() {
    String id = store.accepted(aMessage().build(), "wamid.A", T0);

    receive(body(entry("waba-1", statusChange(status("wamid.A", "read", AT + 5).build()))));
    receive(body(entry("waba-1", statusChange(status("wamid.A", "delivered", AT).build()))));

    LeadMessage message = store.find(id);
    assertThat(message.status()).isEqualTo(MessageStatus.READ);
    assertThat(message.deliveredAt()).isAtSameInstantAs(OffsetDateTime.ofInstant(
        java.time.Instant.ofEpochSecond(AT), ZoneOffset.UTC));
  }

  @Test
  void statusesOfOneMessageInReverseOrderInOneBodyEndReadWithEveryTime() {
    String id = store.accepted(aMessage().build(), "wamid.A", T0);

    receive(body(entry("waba-1", statusChange(status("wamid.A", "read", AT + 2).build(),
        status("wamid.A", "delivered", AT + 1).build(), status("wamid.A", "sent", AT).build()))));

    LeadMessage message = store.find(id);
    assertThat(message.status()).isEqualTo(MessageStatus.READ);
    assertThat(message.deliveredAt()).isNotNull();
    assertThat(message.readAt()).isNotNull();
  }

  @Test
  void batchWithSeveralEntriesAndChangesAppliesEveryItem() {
    String a = store.accepted(aMessage().build(), "wamid.A", T0);
    String b = store.accepted(aMessage().build(), "wamid.B", T0);

    receive(body(
        entry("waba-1", statusChange(status("wamid.A", "delivered", AT).build(), status("wamid.B", "read", AT).build()),
            inboundChange(ACME_ONLY_NUMBER, text("wamid.IN1", LEAD_1_WA_ID, "hello", AT))),
        entry("waba-2", statusChange(status("wamid.A", "read", AT + 1).build()))));

    assertThat(store.find(a).status()).isEqualTo(MessageStatus.READ);
    assertThat(store.find(b).status()).isEqualTo(MessageStatus.READ);
    assertThat(history(ACME, "1")).hasSize(1);
  }

  private void receive(byte[] raw) {
    String id = database.persistence().inTransaction(em -> WebhookWiring.events(em, database.schema().dataSource(), CLOCK).store("cloud-api", raw));
    database.persistence().inTransaction(em -> WebhookWiring.events(em, database.schema().dataSource(), CLOCK).process(id));
  }

  private List<LeadMessage> history(TenantId tenant, String lead) {
    return store.history(tenant, LeadId.of(lead), Optional.empty(), 100);
  }

  private List<UnmatchedInbound> unmatched(TenantId tenant) {
    return database.persistence().inTransaction(em -> em.createQuery("SELECT u FROM UnmatchedInbound u WHERE u.tenantId = :t",
        UnmatchedInbound.class).setParameter("t", tenant.value()).getResultList());
  }

  private Optional<ConsentRecord> consent(TenantId tenant, PhoneNumber phone) {
    return database.persistence().inTransaction(em -> WebhookWiring.consent(em).find(tenant, phone));
  }

  private long count(String table) {
    return database.persistence().inTransaction(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table)
        .getSingleResult()).longValue());
  }
}
