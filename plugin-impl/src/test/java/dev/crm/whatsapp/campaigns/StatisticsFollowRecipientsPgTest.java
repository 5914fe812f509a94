package dev.crm.whatsapp.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.analytics.CampaignStatistics;
import dev.crm.whatsapp.analytics.RecipientTally;
import dev.crm.whatsapp.analytics.StatFolder;
import dev.crm.whatsapp.analytics.StatsView;
import dev.crm.whatsapp.analytics.TimeBucket;
import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.audience.Candidate;
import dev.crm.whatsapp.dispatch.SendAttempts;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.history.LeadMessages;
import dev.crm.whatsapp.history.Replies;
import dev.crm.whatsapp.testing.PluginDatabase;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The statistics counters agree with the recipient and message rows after a run driven through the real
 * status paths: the recipient writer, feeding, claims, retries, duplicate and reordered webhooks, the
 * unknown sweeper, opt-outs, a reply and a cancel; whether or not the deltas were folded on the way.
 */
class StatisticsFollowRecipientsPgTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T09:00:00Z");

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying("wa_stat_delta", "wa_stat_count", "wa_stat_hour",
      "wa_message", "wa_campaign_recipient", "wa_campaign");

  @Test
  void countersAgreeWithTheRowsAfterRetriesDuplicatesAndReorderedWebhooks() {
    String campaign = campaignWithRecipients(13);
    List<String> m = feed(campaign, 11, 1);

    claimAcceptDeliver(m.get(0), "wamid.0");
    advance(m.get(0), MessageStatus.READ, 30);
    advance(m.get(0), MessageStatus.DELIVERED, 10); // duplicate
    advance(m.get(0), MessageStatus.READ, 30); // duplicate
    fold();
    claim(m.get(1));
    accepted(m.get(1), "wamid.1");
    advance(m.get(1), MessageStatus.READ, 40); // read before delivered
    advance(m.get(1), MessageStatus.DELIVERED, 20);
    claim(m.get(2));
    attempts(a -> a.requeue(m.get(2), 1, T0.plusSeconds(2), T0.plusSeconds(32), 131016, "Service unavailable"));
    claimAcceptDeliver(m.get(2), "wamid.2");
    claim(m.get(3));
    attempts(a -> a.end(m.get(3), MessageStatus.FAILED, 1, T0.plusSeconds(3), 131026, "undeliverable"));
    claim(m.get(4));
    accepted(m.get(4), "wamid.4");
    advance(m.get(4), MessageStatus.FAILED, 50, 131026);
    claim(m.get(5));
    attempts(a -> a.markUnresolvedUnknown(T0.plusMinutes(30), T0.plusMinutes(31)));
    claim(m.get(6));
    attempts(a -> a.end(m.get(6), MessageStatus.OPTED_OUT, 1, T0.plusSeconds(6), 131050, "stopped marketing"));
    fold();
    claimAcceptDeliver(m.get(8), "wamid.8");
    LeadId replier = leadOf(m.get(8));
    database.persistence().run(em -> Replies.over(em, Duration.ofDays(7)).markResponded(ACME, replier,
        T0.plusMinutes(5)));
    database.persistence().run(em -> Replies.over(em, Duration.ofDays(7)).markResponded(ACME, replier,
        T0.plusMinutes(6))); // a second reply to the same message counts once
    claim(m.get(9));
    advance(m.get(9), MessageStatus.DELIVERED, 15); // delivered before the send was recorded
    accepted(m.get(9), "wamid.9");
    claim(m.get(10));
    advance(m.get(10), MessageStatus.SENT, 5);
    advance(m.get(10), MessageStatus.SENT, 5); // duplicate
    database.persistence().run(em -> CampaignRepository.over(em).skipPending(campaign, 1, "campaign cancelled",
        T0.plusHours(1)));

    assertCountersMatchRows(campaign);
    fold();
    assertCountersMatchRows(campaign);
    assertThat(remainingDeltas()).isZero();

    StatsView stats = stats(campaign);
    assertThat(stats.counts()).containsEntry("responded", 1L);
    assertThat(stats.errors()).extracting(StatsView.ErrorView::code, StatsView.ErrorView::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(131026, 2L), org.assertj.core.groups.Tuple.tuple(null, 1L));
    assertThat(stats.errors().get(0).sample()).allSatisfy(s -> assertThat(s.phone()).doesNotContain("3053403"));
  }

  private void assertCountersMatchRows(String campaign) {
    StatsView stats = stats(campaign);
    Map<String, Long> rows = recipientRows(campaign);
    for (String status : List.of("pending", "queued", "sending", "sent", "delivered", "read", "failed", "opted_out",
        "skipped", "unknown")) {
      assertThat(stats.counts().get(status)).as(status).isEqualTo(rows.getOrDefault(status, 0L));
    }
    assertThat(stats.total()).isEqualTo(rows.values().stream().mapToLong(Long::longValue).sum());
    Map<String, Long> times = messageTimes(campaign);
    long sent = stats.timeline().points().stream().mapToLong(StatsView.Point::sent).sum();
    long delivered = stats.timeline().points().stream().mapToLong(StatsView.Point::delivered).sum();
    long read = stats.timeline().points().stream().mapToLong(StatsView.Point::read).sum();
    assertThat(sent).as("sent").isEqualTo(times.get("sent"));
    assertThat(delivered).as("delivered").isEqualTo(times.get("delivered"));
    assertThat(read).as("read").isEqualTo(times.get("read"));
    long failedByCode = stats.errors().stream().mapToLong(StatsView.ErrorView::count).sum();
    assertThat(failedByCode).isEqualTo(rows.getOrDefault("failed", 0L));
  }

  private String campaignWithRecipients(int n) {
    return database.persistence().inTransaction(em -> {
      Campaign campaign = Campaign.draft(ACME, new CampaignSettings("Spring", null, "t", null, null,
          Schedule.now(ZoneId.of("UTC")), 100, null, false), "rep", T0);
      em.persist(campaign);
      campaign.beginRun(T0, RunTrigger.LAUNCH);
      em.flush();
      try (RecipientWriter.Batch batch = RecipientWriter.over(CampaignRepository.over(em)).open(ACME, campaign.id(),
          1, T0)) {
        for (int i = 0; i < n; i++) {
          batch.add(new Candidate("lead-" + i, "Lead " + i, PhoneNumber.of("+628136305" + (3400 + i)), null, null));
        }
      }
      return campaign.id();
    });
  }

  /** What the feeder does: a queued message per recipient, and {@code unrenderable} failing before a send. */
  private List<String> feed(String campaignId, int messaged, int unrenderable) {
    return database.persistence().inTransaction(em -> {
      CampaignRepository campaigns = CampaignRepository.over(em);
      RecipientTally tally = new RecipientTally(ACME.value(), campaignId, 1);
      List<String> ids = new ArrayList<>();
      List<CampaignRecipient> pending = campaigns.recipients(campaignId, 1, RecipientStatus.PENDING, 0, 100);
      for (int i = 0; i < messaged + unrenderable; i++) {
        CampaignRecipient recipient = pending.get(i);
        if (i < messaged) {
          LeadMessage message = LeadMessage.outboundText(ACME, LeadId.of(recipient.leadId().orElseThrow()),
              recipient.phone(), "Hi", "campaign:" + campaignId, T0).forCampaign(campaignId, recipient.id());
          message.markQueued(T0);
          em.persist(message);
          recipient.messaged(message.id(), T0);
          ids.add(message.id());
        } else {
          recipient.failedBeforeSend("parameter {{1}} has no value", T0);
        }
        tally.move(null, RecipientStatus.PENDING.name(), recipient.status().name());
      }
      em.flush();
      tally.writeTo(em, T0);
      return ids;
    });
  }

  private void claimAcceptDeliver(String id, String wamid) {
    claim(id);
    accepted(id, wamid);
    advance(id, MessageStatus.DELIVERED, 10);
  }

  private void claim(String id) {
    messages(m -> m.claim(id, T0.plusSeconds(1)));
  }

  private void accepted(String id, String wamid) {
    messages(m -> m.recordAccepted(id, "sandbox", "phone-1", wamid, T0.plusSeconds(2)));
  }

  private void advance(String id, MessageStatus status, int seconds) {
    messages(m -> m.advance(id, status, T0.plusSeconds(seconds), null, null));
  }

  private void advance(String id, MessageStatus status, int seconds, int code) {
    messages(m -> m.advance(id, status, T0.plusSeconds(seconds), code, "failed by webhook"));
  }

  private void messages(Consumer<LeadMessages> work) {
    database.persistence().run(em -> work.accept(LeadMessages.over(em)));
  }

  private void attempts(Consumer<SendAttempts> work) {
    database.persistence().run(em -> work.accept(SendAttempts.over(em)));
  }

  private void fold() {
    database.persistence().run(em -> StatFolder.over(em).foldOnce());
  }

  private StatsView stats(String campaign) {
    return database.persistence().inTransaction(em -> CampaignStatistics.over(em)
        .stats(ACME, campaign, TimeBucket.HOUR, null).orElseThrow());
  }

  private Map<String, Long> recipientRows(String campaign) {
    return database.persistence().inTransaction(em -> {
      Map<String, Long> counts = new HashMap<>();
      rows(em, "SELECT status, COUNT(*) FROM wa_campaign_recipient WHERE campaign_id = ? GROUP BY status", campaign)
          .forEach(r -> counts.put(((String) r[0]).toLowerCase(Locale.ROOT), ((Number) r[1]).longValue()));
      return counts;
    });
  }

  private Map<String, Long> messageTimes(String campaign) {
    return database.persistence().inTransaction(em -> {
      Object[] r = rows(em, "SELECT COUNT(sent_at), SUM(CASE WHEN delivered_at IS NOT NULL OR read_at IS NOT NULL"
          + " THEN 1 ELSE 0 END), COUNT(read_at) FROM wa_message WHERE campaign_id = ?", campaign).get(0);
      return Map.of("sent", ((Number) r[0]).longValue(), "delivered", ((Number) r[1]).longValue(),
          "read", ((Number) r[2]).longValue());
    });
  }

  private LeadId leadOf(String messageId) {
    return database.persistence().inTransaction(em -> LeadId.of((String) em.createNativeQuery(
        "SELECT lead_id FROM wa_message WHERE id = ?").setParameter(1, messageId).getSingleResult()));
  }

  private long remainingDeltas() {
    return database.persistence().inTransaction(em -> ((Number) em.createNativeQuery(
        "SELECT COUNT(*) FROM wa_stat_delta").getSingleResult()).longValue());
  }

  @SuppressWarnings("unchecked")
  private static List<Object[]> rows(EntityManager em, String sql, String campaign) {
    return em.createNativeQuery(sql).setParameter(1, campaign).getResultList();
  }
}
