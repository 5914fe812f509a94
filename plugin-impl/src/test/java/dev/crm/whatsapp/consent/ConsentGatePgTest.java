package dev.crm.whatsapp.consent;

import static dev.crm.whatsapp.history.LeadMessageBuilder.T0;
import static dev.crm.whatsapp.history.LeadMessageBuilder.aMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.history.LeadMessages;
import dev.crm.whatsapp.history.MessageStore;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import dev.crm.whatsapp.testing.PluginDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The check every send passes after its claim, on PostgreSQL. */
class ConsentGatePgTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final PhoneNumber PHONE = PhoneNumber.of("+6281234567890"); // the builder's phone
  private static final PhoneHasher HASHER = PhoneHasher.withKey("test-hash-key");

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying("wa_message", "wa_consent");

  private static MessageStore store;

  @BeforeAll
  static void openPersistenceUnit() {
    store = new MessageStore(database.persistence());
  }

  @Test
  void claimedMessageToAnOptedOutPhoneEndsOptedOut() {
    record(ConsentState.OPTED_OUT);
    LeadMessage claimed = claimed();

    assertThat(stops(claimed)).isTrue();

    assertThat(store.find(claimed.id()).status()).isEqualTo(MessageStatus.OPTED_OUT);
  }

  @Test
  void phoneThatOptedBackInIsSent() {
    record(ConsentState.OPTED_OUT);
    database.persistence().run(em -> ConsentRegistry.over(em, HASHER).record(ACME, PHONE, ConsentState.OPTED_IN, ConsentSource.KEYWORD,
        "START", T0.plusMinutes(1)));
    LeadMessage claimed = claimed();

    assertThat(stops(claimed)).isFalse();
    assertThat(store.find(claimed.id()).status()).isEqualTo(MessageStatus.SENDING);
  }

  @Test
  void optOutInAnotherTenantDoesNotStopTheMessage() {
    database.persistence().run(em -> ConsentRegistry.over(em, HASHER).record(TenantId.of("globex"), PHONE, ConsentState.OPTED_OUT,
        ConsentSource.ADMIN, null, T0));

    assertThat(stops(claimed())).isFalse();
  }

  @Test
  void olderChangeArrivingLateDoesNotOverrideANewerOne() {
    database.persistence().run(em -> ConsentRegistry.over(em, HASHER).record(ACME, PHONE, ConsentState.OPTED_IN, ConsentSource.KEYWORD,
        "START", T0.plusMinutes(5)));
    record(ConsentState.OPTED_OUT); // at T0, older

    assertThat(stops(claimed())).isFalse();
  }

  private void record(ConsentState state) {
    database.persistence().run(em -> ConsentRegistry.over(em, HASHER).record(ACME, PHONE, state, ConsentSource.KEYWORD, "STOP", T0));
  }

  private LeadMessage claimed() {
    String id = store.claimed(aMessage().build(), T0);
    return store.find(id);
  }

  private boolean stops(LeadMessage claimed) {
    return database.persistence().inTransaction((EntityManager em) -> gate(em).stopsOptedOut(claimed));
  }

  private static ConsentGate gate(EntityManager em) {
    ConsentGate gate = new ConsentGate();
    gate.consent = ConsentRegistry.over(em, HASHER);
    gate.messages = LeadMessages.over(em);
    gate.clock = Clock.fixed(T0.plusHours(1).toInstant(), ZoneOffset.UTC);
    return gate;
  }
}
