package dev.crm.whatsapp.webhooks;

import static dev.crm.whatsapp.history.LeadMessageBuilder.T0;
import static dev.crm.whatsapp.history.LeadMessageBuilder.aMessage;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.body;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.entry;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.status;
import static dev.crm.whatsapp.webhooks.CloudApiPayloads.statusChange;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.history.MessageStore;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import dev.crm.whatsapp.testing.PluginDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Storing webhook requests and applying them, with the retry's bookkeeping, on PostgreSQL. */
class WebhookEventsPgTest {
  private static final OffsetDateTime NOW = T0.plusMinutes(5);
  private static final Clock CLOCK = Clock.fixed(NOW.toInstant(), ZoneOffset.UTC);
  private static final long DELIVERED_AT = T0.plusMinutes(1).toEpochSecond();

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying("wa_webhook_event", "wa_message");

  private static MessageStore store;

  @BeforeAll
  static void openStore() {
    store = new MessageStore(database.persistence());
  }

  @Test
  void storedEventKeepsTheBodyAsReceived() {
    byte[] raw = body(entry("waba-1", statusChange(status("wamid.A", "delivered", DELIVERED_AT).build())));

    String id = store(raw);

    WebhookEvent event = event(id);
    assertThat(event.body()).isEqualTo(raw);
    assertThat(event.source()).isEqualTo("cloud-api");
    assertThat(event.processedAt()).isNull();
    assertThat(event.attempts()).isZero();
  }

  @Test
  void eventAppliesItsStatusesAndIsDoneWith() {
    String messageId = acceptedMessage("wamid.A");
    String eventId = store(body(entry("waba-1", statusChange(status("wamid.A", "delivered", DELIVERED_AT).build()))));

    assertThat(process(eventId)).isTrue();

    assertThat(message(messageId).status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(event(eventId).processedAt()).isAtSameInstantAs(NOW);
    assertThat(event(eventId).attempts()).isEqualTo(1);
    assertThat(unprocessed()).doesNotContain(eventId);
  }

  @Test
  void eventWhoseMessageIsNotKnownYetStaysForTheRetry() {
    String eventId = store(body(entry("waba-1", statusChange(status("wamid.LATER", "sent", DELIVERED_AT).build()))));

    assertThat(process(eventId)).isFalse();

    WebhookEvent event = event(eventId);
    assertThat(event.processedAt()).isNull();
    assertThat(event.attempts()).isEqualTo(1);
    assertThat(event.lastError()).contains("1 status update(s)");
    assertThat(unprocessed()).containsExactly(eventId);
  }

  @Test
  void retryAppliesTheEventOnceItsMessageIsKnown() {
    String eventId = store(body(entry("waba-1", statusChange(status("wamid.A", "delivered", DELIVERED_AT).build()))));
    process(eventId);
    String messageId = acceptedMessage("wamid.A");

    assertThat(process(eventId)).isTrue();

    assertThat(message(messageId).status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(event(eventId).attempts()).isEqualTo(2);
    assertThat(event(eventId).lastError()).isNull();
  }

  @Test
  void unreadableBodyIsSetAsideAndNeverRetried() {
    String eventId = store("signed but not json".getBytes(StandardCharsets.UTF_8));

    assertThat(process(eventId)).isTrue();

    assertThat(event(eventId).processedAt()).isAtSameInstantAs(NOW);
    assertThat(unprocessed()).isEmpty();
  }

  @Test
  void unreadableBodyKeepsWhyItWasSetAside() {
    String eventId = store("signed but not json".getBytes(StandardCharsets.UTF_8));

    process(eventId);

    assertThat(event(eventId).lastError()).startsWith("unreadable");
    assertThat(event(eventId).attempts()).isEqualTo(1);
  }

  @Test
  void processedEventIsNotAppliedAgain() {
    String messageId = acceptedMessage("wamid.A");
    String eventId = store(body(entry("waba-1", statusChange(status("wamid.A", "delivered", DELIVERED_AT).build()))));
    process(eventId);

    assertThat(process(eventId)).isTrue();

    assertThat(event(eventId).attempts()).isEqualTo(1);
    assertThat(message(messageId).status()).isEqualTo(MessageStatus.DELIVERED);
  }

  @Test
  void aTemplateStatusWebhookMovesItsTemplateAndIsDoneWith() {
    dev.crm.whatsapp.templates.MessageTemplate template = dev.crm.whatsapp.templates.MessageTemplate.draft(
        dev.crm.whatsapp.api.TenantId.of("acme"), new dev.crm.whatsapp.templates.TemplateDefinition("order_update",
            "en_US", dev.crm.whatsapp.templates.TemplateCategory.UTILITY, null, null, null, "Hi there, thanks.", null,
            null, null), "admin", T0);
    template.submitted("594425479261596", dev.crm.whatsapp.templates.TemplateStatus.PENDING, T0);
    database.persistence().run(em -> em.persist(template));
    try {
      String eventId = store(dev.crm.whatsapp.templates.catalog.GraphStubs.statusWebhook("594425479261596",
          "REJECTED", "INCORRECT_CATEGORY").getBytes(java.nio.charset.StandardCharsets.UTF_8));

      assertThat(process(eventId)).isTrue();

      dev.crm.whatsapp.templates.MessageTemplate after = database.persistence().inTransaction(
          (EntityManager em) -> em.find(dev.crm.whatsapp.templates.MessageTemplate.class, template.id()));
      assertThat(after.status()).isEqualTo(dev.crm.whatsapp.templates.TemplateStatus.REJECTED);
      assertThat(after.rejectionReason()).contains("INCORRECT_CATEGORY");
    } finally {
      database.schema().execute("DELETE FROM wa_template");
    }
  }

  @Test
  void unknownEventIsDoneWith() {
    assertThat(process("no-such-event")).isTrue();
  }

  private String store(byte[] raw) {
    return database.persistence().inTransaction((EntityManager em) -> eventsOver(em).store("cloud-api", raw));
  }

  private boolean process(String eventId) {
    return database.persistence().inTransaction((EntityManager em) -> eventsOver(em).process(eventId));
  }

  private List<String> unprocessed() {
    return database.persistence().inTransaction((EntityManager em) -> eventsOver(em).unprocessed(100));
  }

  private WebhookEvent event(String id) {
    return database.persistence().inTransaction((EntityManager em) -> em.find(WebhookEvent.class, id));
  }

  private LeadMessage message(String id) {
    return store.find(id);
  }

  private String acceptedMessage(String wamid) {
    return store.accepted(aMessage().build(), wamid, T0);
  }

  private static WebhookEvents eventsOver(EntityManager em) {
    WebhookEvents events = new WebhookEvents();
    events.em = em;
    events.applier = StatusApplierPgTest.applierOver(em);
    events.clock = CLOCK;
    events.templateWebhooks = dev.crm.whatsapp.templates.TemplateTesting.webhooksOver(em, CLOCK);
    return events;
  }
}
