package dev.crm.whatsapp.dispatch;

import static dev.crm.whatsapp.platform.Sql.placeholders;

import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.consent.ConsentRegistry;
import dev.crm.whatsapp.consent.ConsentRegistry.TenantPhone;
import dev.crm.whatsapp.history.CampaignRecipientMirror;
import dev.crm.whatsapp.history.CampaignRecipientMirror.Moved;
import dev.crm.whatsapp.platform.Sql;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The claim of a batch of queued messages, in the caller's transaction and a handful of statements
 * whatever the batch's size. Each message is locked and read; then, in this order: a message someone else
 * claimed or that is final is {@link Claim.Lost lost}; one whose campaign is not running is
 * {@link Claim.Held held} (paused) or {@link Claim.Skipped skipped} (ended); one to an opted-out phone
 * ends {@code opted_out}; every other one is claimed ({@code sending}, its attempt counted) for the number
 * its request names. The campaigns' rows are read with a share lock: pausing a campaign (an UPDATE of that
 * row) waits for claims in progress, and a claim after the pause committed sees it paused, so no send
 * starts once a pause has returned.
 */
final class ClaimStatements {
  private static final String CLAIMABLE = "'PENDING', 'QUEUED'";

  private final Sql sql;
  private final ConsentRegistry consent;
  private final boolean postgres;
  private final Function<Campaign, RetrySchedule> retries;

  /** A message's campaign as the claim sees it. */
  record Campaign(String id, String status, String retryBackoff, Integer maxAttempts) {}

  private record Row(String id, TenantId tenant, PhoneNumber phone, String body, String content, int attempts,
      String campaignId) {}

  ClaimStatements(Sql sql, ConsentRegistry consent, boolean postgres,
      Function<Campaign, RetrySchedule> retries) {
    this.sql = sql;
    this.consent = consent;
    this.postgres = postgres;
    this.retries = retries;
  }

  /** One claim per request, in order. */
  List<Claim> claim(List<Claim.Request> requests, OffsetDateTime now) {
    List<String> ids = requests.stream().map(Claim.Request::messageId).distinct().toList();
    // campaigns before messages, the order the feeder, pause, resume and cancel lock them in
    Map<String, Campaign> campaigns = campaignsOf(ids);
    Map<String, Row> rows = lockClaimable(ids);
    Set<TenantPhone> optedOut = consent.optedOutAmong(sql, rows.values().stream()
        .map(r -> new TenantPhone(r.tenant(), r.phone())).toList());

    // one outcome per message, given to the first request naming it: a request delivered twice into one
    // batch must not send twice
    Map<String, Claim> outcome = new HashMap<>();
    Map<List<String>, List<Claim.Request>> toClaim = new LinkedHashMap<>();
    Map<String, List<String>> toHold = new LinkedHashMap<>();
    List<Row> toSkip = new ArrayList<>();
    List<Row> toOptOut = new ArrayList<>();
    for (Claim.Request request : requests) {
      Row row = rows.get(request.messageId());
      if (row == null || outcome.containsKey(row.id())) {
        outcome.putIfAbsent(request.messageId(), new Claim.Lost());
        continue;
      }
      Campaign campaign = row.campaignId() == null ? null : campaigns.get(row.campaignId());
      if (campaign != null && !"RUNNING".equals(campaign.status())) {
        if (Set.of("CANCELLED", "FAILED", "COMPLETED").contains(campaign.status())) {
          toSkip.add(row);
          outcome.put(row.id(), new Claim.Skipped(campaign.id(), campaign.status()));
        } else {
          toHold.computeIfAbsent("campaign " + campaign.status().toLowerCase(), k -> new ArrayList<>()).add(row.id());
          outcome.put(row.id(), new Claim.Held(campaign.id(), campaign.status()));
        }
      } else if (optedOut.contains(new TenantPhone(row.tenant(), row.phone()))) {
        toOptOut.add(row);
        outcome.put(row.id(), new Claim.OptedOut(row.phone()));
      } else {
        toClaim.computeIfAbsent(Arrays.asList(request.provider(), request.senderId()),
            k -> new ArrayList<>()).add(request);
        outcome.put(row.id(), new Claim.Won(row.id(), row.tenant(), row.phone(), row.body(),
            Optional.ofNullable(row.content()), row.attempts() + 1, Optional.ofNullable(row.campaignId()),
            retries.apply(campaign)));
      }
    }
    toClaim.forEach((route, claimed) -> markSending(route.get(0), route.get(1),
        claimed.stream().map(Claim.Request::messageId).toList(), now));
    toHold.forEach((reason, held) -> hold(held, reason));
    end(toSkip, MessageStatus.SKIPPED, "campaign ended before this message was sent");
    end(toOptOut, MessageStatus.OPTED_OUT, null);
    follow(rows, toClaim.values().stream().flatMap(List::stream).map(Claim.Request::messageId).toList(),
        MessageStatus.SENDING, now);
    follow(rows, toSkip.stream().map(Row::id).toList(), MessageStatus.SKIPPED, now);
    follow(rows, toOptOut.stream().map(Row::id).toList(), MessageStatus.OPTED_OUT, now);
    Set<String> answered = new HashSet<>();
    return requests.stream()
        .map(r -> answered.add(r.messageId()) ? outcome.get(r.messageId()) : (Claim) new Claim.Lost())
        .toList();
  }

  private Map<String, Row> lockClaimable(List<String> ids) {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (Object[] r : sql.query("SELECT id, tenant_id, phone, body, content, attempts, campaign_id FROM wa_message"
        + " WHERE id IN (" + placeholders(ids.size()) + ") AND status IN (" + CLAIMABLE + ") FOR UPDATE", ids)) {
      rows.put((String) r[0], new Row((String) r[0], TenantId.of((String) r[1]), PhoneNumber.of((String) r[2]),
          (String) r[3], (String) r[4], ((Number) r[5]).intValue(), (String) r[6]));
    }
    return rows;
  }

  private Map<String, Campaign> campaignsOf(List<String> messageIds) {
    List<Object> ids = sql.query("SELECT DISTINCT campaign_id FROM wa_message WHERE campaign_id IS NOT NULL AND id IN ("
        + placeholders(messageIds.size()) + ")", messageIds).stream().map(r -> r[0]).toList();
    if (ids.isEmpty()) {
      return Map.of();
    }
    // H2 has no FOR SHARE; its FOR UPDATE also keeps a pause from overtaking a claim, at the cost of
    // claims of one campaign waiting for each other on the embedded database
    return sql.query("SELECT id, status, retry_backoff, max_attempts FROM wa_campaign WHERE id IN ("
            + placeholders(ids.size()) + ")" + (postgres ? " FOR SHARE" : " FOR UPDATE"), ids).stream()
        .map(r -> new Campaign((String) r[0], (String) r[1], (String) r[2],
            r[3] == null ? null : ((Number) r[3]).intValue()))
        .collect(Collectors.toMap(Campaign::id, c -> c));
  }

  private void markSending(String provider, String senderId, List<String> ids, OffsetDateTime now) {
    sql.update("UPDATE wa_message SET status = 'SENDING', sending_at = ?, attempts = attempts + 1,"
        + " provider = COALESCE(?, provider), sender_id = COALESCE(?, sender_id), hold_reason = NULL,"
        + " version = version + 1 WHERE id IN (" + placeholders(ids.size()) + ")",
        with(Arrays.asList(now, provider, senderId), ids));
  }

  private void hold(List<String> ids, String reason) {
    sql.update("UPDATE wa_message SET hold_reason = ?, next_attempt_at = NULL, version = version + 1"
        + " WHERE id IN (" + placeholders(ids.size()) + ")", with(List.of(reason), ids));
  }

  private void end(List<Row> rows, MessageStatus status, String reason) {
    if (rows.isEmpty()) {
      return;
    }
    sql.update("UPDATE wa_message SET status = ?, error_message = COALESCE(?, error_message),"
        + " next_attempt_at = NULL, hold_reason = NULL, version = version + 1 WHERE id IN ("
        + placeholders(rows.size()) + ")", with(Arrays.asList(status.name(), reason), rows.stream().map(Row::id).toList()));
  }

  private static List<Object> with(List<?> first, List<String> ids) {
    List<Object> parameters = new ArrayList<>(first);
    parameters.addAll(ids);
    return parameters;
  }

  private void follow(Map<String, Row> rows, List<String> ids, MessageStatus status, OffsetDateTime now) {
    CampaignRecipientMirror.followAll(sql, ids.stream()
        .map(id -> new Moved(id, rows.get(id).tenant().value(), null)).toList(), status, now);
  }
}
