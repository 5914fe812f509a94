package dev.crm.whatsapp.dispatch;

import static dev.crm.whatsapp.history.LeadMessageBuilder.T0;
import static dev.crm.whatsapp.history.LeadMessageBuilder.aMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.consent.ConsentRegistry;
import dev.crm.whatsapp.consent.ConsentSource;
import dev.crm.whatsapp.consent.ConsentState;
import dev.crm.whatsapp.consent.PhoneHasher;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.history.MessageStore;
import dev.crm.whatsapp.testing.PluginDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dispatcher claims queued messages and records the provider's acceptances a batch per transaction,
 * on PostgreSQL: each message is won by exactly one request; the consent check and the campaign's state
 * are applied in the same claim; acceptances never move a status backwards.
 */
class BatchedClaimsPgTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final PhoneNumber PHONE = PhoneNumber.of("+6281234567890"); // the builder's phone
  private static final PhoneHasher HASHER = PhoneHasher.withKey("test-hash-key");
  private static final Clock CLOCK = Clock.fixed(T0.plusMinutes(1).toInstant(), ZoneOffset.UTC);

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying("wa_stat_delta", "wa_message", "wa_consent",
      "wa_campaign_recipient", "wa_campaign");

  private static MessageStore store;

  @BeforeAll
  static void openPersistenceUnit() {
    store = new MessageStore(database.persistence());
  }

  @Test
  void eachQueuedMessageOfABatchIsWonOnceAndEveryOtherRequestLoses() {
    String a = store.add(aMessage().build());
    String b = store.add(aMessage().build());
    String alreadyClaimed = store.claimed(aMessage().build(), T0);

    List<Claim> claims = claimAll(a, b, a, alreadyClaimed, "no-such-message");

    assertThat(claims).extracting(c -> c.getClass().getSimpleName())
        .containsExactly("Won", "Won", "Lost", "Lost", "Lost");
    assertThat(store.find(a).status()).isEqualTo(MessageStatus.SENDING);
    assertThat(store.find(a).attempts()).isEqualTo(1);
    assertThat(store.find(a).senderId()).contains("number-1");
    assertThat(claimAll(a, b)).allMatch(c -> c instanceof Claim.Lost);
  }

  @Test
  void aMessageToAnOptedOutPhoneEndsOptedOutWithoutBeingClaimed() {
    consent(ACME, ConsentState.OPTED_OUT, T0);
    String id = store.add(aMessage().build());

    assertThat(claimAll(id)).singleElement().isInstanceOf(Claim.OptedOut.class);
    assertThat(store.find(id).status()).isEqualTo(MessageStatus.OPTED_OUT);
    assertThat(store.find(id).attempts()).isZero();
  }

  @Test
  void aPhoneThatOptedBackInIsClaimedAndAnotherTenantsOptOutStopsNothing() {
    consent(ACME, ConsentState.OPTED_OUT, T0);
    consent(ACME, ConsentState.OPTED_IN, T0.plusSeconds(1));
    consent(TenantId.of("globex"), ConsentState.OPTED_OUT, T0);

    assertThat(claimAll(store.add(aMessage().build()))).singleElement().isInstanceOf(Claim.Won.class);
  }

  @Test
  void aMessageOfAPausedCampaignStaysQueuedAndHeldUntilTheCampaignResumes() {
    String campaign = campaign("PAUSED", null, null);
    String id = campaignMessage(campaign);

    assertThat(claimAll(id)).singleElement().isInstanceOf(Claim.Held.class);
    assertThat(store.find(id).status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(column(id, "hold_reason")).isEqualTo("campaign paused");
    assertThat(recipientStatus(id)).isEqualTo("QUEUED");
  }

  @Test
  void aMessageOfAnEndedCampaignIsSkippedWithItsRecipientAndNeverSent() {
    String id = campaignMessage(campaign("CANCELLED", null, null));

    assertThat(claimAll(id)).singleElement().isInstanceOf(Claim.Skipped.class);
    assertThat(store.find(id).status()).isEqualTo(MessageStatus.SKIPPED);
    assertThat(recipientStatus(id)).isEqualTo("SKIPPED");
  }

  @Test
  void aRunningCampaignsMessageIsClaimedWithTheCampaignsOwnRetrySchedule() {
    String id = campaignMessage(campaign("RUNNING", "PT5S,PT10S", 2));

    Claim claim = claimAll(id).get(0);

    assertThat(claim).isInstanceOfSatisfying(Claim.Won.class, won -> {
      assertThat(won.retries().backoff()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
      assertThat(won.retries().maxAttempts()).isEqualTo(2);
      assertThat(won.campaignId()).isPresent();
    });
    assertThat(recipientStatus(id)).isEqualTo("SENDING");
    assertThat(claimAll(store.add(aMessage().build())).get(0))
        .isInstanceOfSatisfying(Claim.Won.class, won -> assertThat(won.retries()).isEqualTo(RetrySchedule.defaults()));
  }

  @Test
  void acceptancesOfABatchRecordEachProviderIdAndSent() {
    String a = claimed(campaignMessage(campaign("RUNNING", null, null)));
    String b = claimed(store.add(aMessage().build()));

    acceptAll(new SendClaims.Acceptance(a, "cloud-api", "number-1", "wamid.A"),
        new SendClaims.Acceptance(b, "cloud-api", "number-1", "wamid.B"));

    assertThat(store.find(a).status()).isEqualTo(MessageStatus.SENT);
    assertThat(store.find(a).providerMessageId()).contains("wamid.A");
    assertThat(store.find(b).providerMessageId()).contains("wamid.B");
    assertThat(store.find(b).sentAt()).isEqualTo(T0.plusMinutes(1));
    assertThat(recipientStatus(a)).isEqualTo("SENT");
    assertThat(sentEvents()).isEqualTo(2);
  }

  @Test
  void anAcceptanceRecordedAfterTheReadWebhookKeepsReadAndFillsInTheSentTime() {
    String id = claimed(store.add(aMessage().build()));
    store.advance(id, MessageStatus.READ, T0.plusSeconds(30));

    acceptAll(new SendClaims.Acceptance(id, "cloud-api", "number-1", "wamid.R"));

    LeadMessage message = store.find(id);
    assertThat(message.status()).isEqualTo(MessageStatus.READ);
    assertThat(message.providerMessageId()).contains("wamid.R");
    assertThat(message.sentAt()).isNotNull();
  }

  private String claimed(String id) {
    assertThat(claimAll(id)).singleElement().isInstanceOf(Claim.Won.class);
    return id;
  }

  private List<Claim> claimAll(String... ids) {
    return withClaims(claims -> claims.claimAll(java.util.Arrays.stream(ids)
        .map(id -> new Claim.Request(id, "cloud-api", "number-1")).toList()));
  }

  private void acceptAll(SendClaims.Acceptance... acceptances) {
    withClaims(claims -> claims.acceptedAll(List.of(acceptances)));
  }

  private <T> T withClaims(Function<SendClaims, T> work) {
    return database.persistence().inTransaction(em -> work.apply(SendClaims.over(em, database.schema().dataSource(),
        ConsentRegistry.over(em, HASHER), CLOCK)));
  }

  private void consent(TenantId tenant, ConsentState state, java.time.OffsetDateTime at) {
    database.persistence().run(em -> ConsentRegistry.over(em, HASHER).record(tenant, PHONE, state, ConsentSource.ADMIN,
        null, at));
  }

  /** A campaign row as the campaigns feature writes it, in {@code status}. */
  private String campaign(String status, String backoff, Integer maxAttempts) {
    String id = UUID.randomUUID().toString();
    database.schema().execute("INSERT INTO wa_campaign (id, tenant_id, name, template_id, status, retry_backoff,"
        + " max_attempts, run_no, created_at, updated_at) VALUES ('" + id + "', 'acme', 'Spring', 't', '" + status
        + "', " + (backoff == null ? "NULL" : "'" + backoff + "'") + ", " + maxAttempts + ", 1, now(), now())");
    return id;
  }

  /** A queued message of the campaign's run 1 with its recipient, as the feeder leaves them. */
  private String campaignMessage(String campaign) {
    String recipient = UUID.randomUUID().toString();
    LeadMessage message = aMessage().build().forCampaign(campaign, recipient);
    store.add(message);
    database.schema().execute("INSERT INTO wa_campaign_recipient (id, tenant_id, campaign_id, run_no, phone, status,"
        + " message_id, created_at, updated_at) VALUES ('" + recipient + "', 'acme', '" + campaign + "', 1, '"
        + PHONE.e164() + "', 'QUEUED', '" + message.id() + "', now(), now())");
    return message.id();
  }

  private String recipientStatus(String messageId) {
    return (String) single("SELECT status FROM wa_campaign_recipient WHERE message_id = '" + messageId + "'");
  }

  private String column(String messageId, String column) {
    return (String) single("SELECT " + column + " FROM wa_message WHERE id = '" + messageId + "'");
  }

  private long sentEvents() {
    return ((Number) single("SELECT COALESCE(SUM(sent), 0) FROM wa_stat_delta")).longValue();
  }

  private Object single(String sql) {
    return database.persistence().inTransaction(em -> em.createNativeQuery(sql).getSingleResult());
  }
}
