package dev.crm.whatsapp.webhooks;

import dev.crm.whatsapp.templates.TemplateTesting;
import dev.crm.whatsapp.accounts.GatewaySessionStatus;
import dev.crm.whatsapp.accounts.SenderAccounts;
import dev.crm.whatsapp.api.host.LeadDirectory;
import dev.crm.whatsapp.consent.ConsentKeywords;
import dev.crm.whatsapp.consent.ConsentRegistry;
import dev.crm.whatsapp.consent.ErasedMessages;
import dev.crm.whatsapp.consent.PhoneHasher;
import dev.crm.whatsapp.history.LeadMessages;
import dev.crm.whatsapp.history.Replies;
import dev.crm.whatsapp.host.LeadTables;
import dev.crm.whatsapp.host.SharedDatabaseLeadDirectory;
import dev.crm.whatsapp.platform.PhoneNormaliser;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * The webhook beans wired by hand over one entity manager, as CDI wires them in the container: the
 * demo host's leads, the demo sandbox number serving {@code acme} and {@code globex}, default keywords.
 */
final class WebhookWiring {
  static final String SHARED_NUMBER = "sandbox-number-1";
  static final String ACME_ONLY_NUMBER = CloudApiPayloads.PHONE_NUMBER_ID;
  static final PhoneHasher HASHER = PhoneHasher.withKey("test-hash-key");
  static final InboundTenantResolver TENANTS = ConfiguredInboundTenants.of(
      "{\"" + SHARED_NUMBER + "\":[\"acme\",\"globex\"],\"" + ACME_ONLY_NUMBER + "\":\"acme\"}");

  private WebhookWiring() {}

  static WebhookEvents events(EntityManager em, DataSource host, Clock clock) {
    WebhookEvents events = new WebhookEvents();
    events.em = em;
    events.clock = clock;
    events.applier = applier(em);
    events.inbound = inbound(em, host);
    events.preferences = preferences(em);
    events.templateWebhooks = TemplateTesting.webhooksOver(em, clock);
    events.gateway = GatewayWebhooks.over(GatewaySessionStatus.over(SenderAccounts.over(em), clock), events.applier,
        events.inbound);
    return events;
  }

  static StatusApplier applier(EntityManager em) {
    StatusApplier applier = new StatusApplier();
    applier.messages = LeadMessages.over(em);
    applier.consent = consent(em);
    applier.erased = ErasedMessages.over(em, HASHER);
    return applier;
  }

  static InboundRecorder inbound(EntityManager em, DataSource host) {
    InboundRecorder recorder = new InboundRecorder();
    recorder.em = em;
    recorder.tenants = TENANTS;
    recorder.leads = directory(host);
    recorder.phones = PhoneNormaliser.forRegion("ID");
    recorder.messages = LeadMessages.over(em);
    recorder.replies = Replies.over(em, Duration.ofDays(7));
    recorder.keywords = ConsentKeywords.of(List.of("STOP", "UNSUBSCRIBE", "STOP PROMOTIONS", "BERHENTI"),
        List.of("START"));
    recorder.consent = consent(em);
    recorder.erased = ErasedMessages.over(em, HASHER);
    return recorder;
  }

  static PreferenceApplier preferences(EntityManager em) {
    PreferenceApplier applier = new PreferenceApplier();
    applier.tenants = TENANTS;
    applier.phones = PhoneNormaliser.forRegion("ID");
    applier.consent = consent(em);
    return applier;
  }

  static ConsentRegistry consent(EntityManager em) {
    return ConsentRegistry.over(em, HASHER);
  }

  static LeadDirectory directory(DataSource host) {
    return SharedDatabaseLeadDirectory.over(host, LeadTables.demoMapping());
  }
}
