package dev.crm.whatsapp.dispatch;

import static dev.crm.whatsapp.platform.Sql.placeholders;

import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.history.CampaignRecipientMirror;
import dev.crm.whatsapp.history.CampaignRecipientMirror.Moved;
import dev.crm.whatsapp.platform.Sql;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a batch of the provider's acceptances in the caller's transaction, in a handful of statements:
 * each message gets its provider id (unless it has one), and {@code sent} unless a webhook already moved
 * it further, in which case only its sent time is filled in. The campaign recipients of the messages
 * that moved follow, and their statistics deltas are written grouped.
 */
final class AcceptanceStatements {
  private static final List<String> BEFORE_SENT = Arrays.stream(MessageStatus.values())
      .filter(s -> s.canMoveTo(MessageStatus.SENT)).map(Enum::name).toList();

  private final Sql sql;

  AcceptanceStatements(Sql sql) {
    this.sql = sql;
  }

  void record(List<SendClaims.Acceptance> acceptances, OffsetDateTime now) {
    Map<String, SendClaims.Acceptance> byId = new LinkedHashMap<>();
    acceptances.forEach(a -> byId.putIfAbsent(a.messageId(), a));
    List<String> ids = List.copyOf(byId.keySet());
    List<Object[]> rows = sql.query("SELECT id, status, tenant_id FROM wa_message WHERE id IN ("
        + placeholders(ids.size()) + ") FOR UPDATE", ids);
    Map<String, String> tenants = new HashMap<>();
    List<String> moving = new ArrayList<>();
    List<String> ahead = new ArrayList<>();
    for (Object[] row : rows) {
      tenants.put((String) row[0], (String) row[2]);
      (BEFORE_SENT.contains((String) row[1]) ? moving : ahead).add((String) row[0]);
    }
    recordProviderIds(byId, List.copyOf(tenants.keySet()));
    if (!moving.isEmpty()) {
      sql.update("UPDATE wa_message SET status = 'SENT', sent_at = COALESCE(sent_at, ?), version = version + 1"
          + " WHERE id IN (" + placeholders(moving.size()) + ")", with(now, moving));
    }
    if (!ahead.isEmpty()) {
      // a delivered or read webhook came first: the sent time is still worth knowing
      sql.update("UPDATE wa_message SET sent_at = ? WHERE sent_at IS NULL AND status IN"
          + " ('SENT', 'DELIVERED', 'READ', 'FAILED') AND id IN (" + placeholders(ahead.size()) + ")", with(now, ahead));
    }
    CampaignRecipientMirror.followAll(sql, moving.stream()
        .map(id -> new Moved(id, tenants.get(id), byId.get(id).senderId())).toList(), MessageStatus.SENT, now);
  }

  /** One statement for the batch: each message's own provider id, by a CASE on its id. */
  private void recordProviderIds(Map<String, SendClaims.Acceptance> byId, List<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    StringBuilder pid = new StringBuilder("CASE id");
    StringBuilder provider = new StringBuilder("CASE id");
    StringBuilder sender = new StringBuilder("CASE id");
    for (int i = 0; i < ids.size(); i++) {
      pid.append(" WHEN ? THEN ?");
      provider.append(" WHEN ? THEN ?");
      sender.append(" WHEN ? THEN ?");
    }
    List<Object> parameters = new ArrayList<>();
    for (int column = 0; column < 3; column++) {
      for (String id : ids) {
        SendClaims.Acceptance a = byId.get(id);
        parameters.add(id);
        parameters.add(column == 0 ? a.providerMessageId() : column == 1 ? a.provider() : a.senderId());
      }
    }
    parameters.addAll(ids);
    sql.update("UPDATE wa_message SET provider_message_id = " + pid + " END, provider = " + provider
        + " END, sender_id = " + sender + " END, version = version + 1 WHERE provider_message_id IS NULL"
        + " AND id IN (" + placeholders(ids.size()) + ")", parameters);
  }

  private static List<Object> with(Object first, List<String> ids) {
    List<Object> parameters = new ArrayList<>(List.of(first));
    parameters.addAll(ids);
    return parameters;
  }
}
