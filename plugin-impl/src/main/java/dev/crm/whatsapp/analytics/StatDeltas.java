package dev.crm.whatsapp.analytics;

import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.platform.Sql;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Writes one row of {@code wa_stat_delta} per status change, inside the transaction that made the change,
 * so the counters move exactly when the rows do and roll back with them. Static over an
 * {@link EntityManager} (like {@code CampaignRecipientMirror}) so the guarded updates of history and
 * dispatch can call it without depending on campaign classes. {@link StatFolder} folds the rows.
 */
public final class StatDeltas {
  private StatDeltas() {}

  /** A campaign recipient as it was before a change (read with its row locked). */
  public record RecipientBefore(String campaignId, int runNo, String variant, String status) {}

  /**
   * Outbound message {@code messageId} moved to {@code to} at {@code at} (its guarded update already ran);
   * {@code recipient} is its campaign recipient before the mirror moved it, if it has one. The events
   * (sent, delivered, read, failed) are read off the message's times after the update: a {@code read}
   * with no delivery time also counts as delivered, a {@code delivered} with no sent time as sent, so a
   * skipped or late webhook never counts twice and never leaves a hole.
   */
  public static void messageMoved(EntityManager em, String messageId, MessageStatus to, OffsetDateTime at,
      Integer errorCode, Optional<RecipientBefore> recipient) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("SELECT tenant_id, sender_id, sent_at, delivered_at, direction"
            + " FROM wa_message WHERE id = ?")
        .setParameter(1, messageId).getResultList();
    if (rows.isEmpty() || !"OUTBOUND".equals(rows.get(0)[4])) {
      return;
    }
    Object[] m = rows.get(0);
    Instant sentAt = instant(m[2]);
    Instant deliveredAt = instant(m[3]);
    Events events = Events.NONE;
    Instant when = at.toInstant();
    switch (to) {
      case SENT -> events = new Events(1, 0, 0, 0, 0, -1, -1);
      case DELIVERED -> events = new Events(sentAt == null ? 1 : 0, 1, 0, 0, 0, seconds(sentAt, when), -1);
      case READ -> events = new Events(sentAt == null ? 1 : 0, deliveredAt == null ? 1 : 0, 1, 0, 0, -1,
          seconds(sentAt, when));
      case FAILED -> events = new Events(0, 0, 0, 1, 0, -1, -1);
      default -> { }
    }
    String from = recipient.map(RecipientBefore::status).orElse(null);
    boolean moved = recipient.isPresent() && !to.name().equals(from);
    if (!moved && events == Events.NONE) {
      return;
    }
    insert(em, (String) m[0], recipient.map(RecipientBefore::campaignId).orElse(""),
        recipient.map(RecipientBefore::runNo).orElse(0), recipient.map(RecipientBefore::variant).orElse(null),
        moved ? from : null, moved ? to.name() : null, 1, errorCode, (String) m[1], at, events);
  }

  /** The lead replied to outbound message {@code messageId} (marked responded for the first time). */
  public static void responded(EntityManager em, String messageId, OffsetDateTime at) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("SELECT m.tenant_id, m.sender_id, r.campaign_id, r.run_no, r.variant"
            + " FROM wa_message m LEFT JOIN wa_campaign_recipient r ON r.id = m.campaign_recipient_id"
            + " WHERE m.id = ?")
        .setParameter(1, messageId).getResultList();
    if (rows.isEmpty()) {
      return;
    }
    Object[] m = rows.get(0);
    insert(em, (String) m[0], m[2] == null ? "" : (String) m[2], m[3] == null ? 0 : ((Number) m[3]).intValue(),
        (String) m[4], null, null, 0, null, (String) m[1], at, new Events(0, 0, 0, 0, 1, -1, -1));
  }

  /**
   * {@code n} recipients of a campaign run moved together (written, fed, failed before a send, skipped,
   * removed); {@code from} or {@code to} null for rows written or deleted. Entering FAILED counts as a
   * failure event in the hour of {@code at}.
   */
  public static void recipientsMoved(EntityManager em, String tenant, String campaignId, int runNo,
      String variant, String from, String to, int n, Integer errorCode, OffsetDateTime at) {
    if (n == 0) {
      return;
    }
    Events events = "FAILED".equals(to) ? new Events(0, 0, 0, n, 0, -1, -1) : Events.NONE;
    insert(em, tenant, campaignId, runNo, variant, from, to, n, errorCode, null, at, events);
  }

  /**
   * One delta row of a batch of status changes made together: {@code n} recipients of one campaign run and
   * variant moved {@code from -> to} (both null for messages of no campaign), and {@code sent}/{@code failed}
   * events counted in {@code hour} for {@code senderId} (hour null when the change counts no event).
   */
  public record Grouped(String tenant, String campaignId, int runNo, String variant, String from, String to,
      int n, String senderId, OffsetDateTime hour, int sent, int failed) {}

  /**
   * Writes the rows of a batch of moves in one statement (the dispatcher claims and records acceptances
   * a batch at a time; a statement per message was most of its database time).
   */
  public static void insertGrouped(Sql sql, List<Grouped> rows) {
    if (rows.isEmpty()) {
      return;
    }
    StringBuilder insert = new StringBuilder("INSERT INTO wa_stat_delta (tenant_id, campaign_id, run_no, variant,"
        + " from_status, to_status, n, error_code, sender_id, hour_at, sent, delivered, read_n, failed, responded,"
        + " delivered_seconds, delivered_timed, read_seconds, read_timed) VALUES ");
    List<Object> parameters = new ArrayList<>();
    for (Grouped row : rows) {
      insert.append(parameters.isEmpty() ? "" : ", ")
          .append("(?, ?, ?, ?, ?, ?, ?, 0, ?, CAST(? AS TIMESTAMP WITH TIME ZONE), ?, 0, 0, ?, 0, 0, 0, 0, 0)");
      parameters.addAll(Arrays.asList(row.tenant(), row.campaignId() == null ? "" : row.campaignId(), row.runNo(),
          row.variant() == null ? "" : row.variant(), row.from(), row.to(), row.n(),
          row.senderId() == null ? "" : row.senderId(), row.hour() == null ? null : hourOf(row.hour()), row.sent(),
          row.failed()));
    }
    sql.update(insert.toString(), parameters);
  }

  /** Forgets a deleted campaign's figures. */
  public static void forget(EntityManager em, String campaignId) {
    for (String table : List.of("wa_stat_delta", "wa_stat_count", "wa_stat_hour")) {
      em.createNativeQuery("DELETE FROM " + table + " WHERE campaign_id = ?").setParameter(1, campaignId)
          .executeUpdate();
    }
  }

  private static void insert(EntityManager em, String tenant, String campaignId, int runNo, String variant,
      String from, String to, int n, Integer errorCode, String senderId, OffsetDateTime at, Events e) {
    em.createNativeQuery("INSERT INTO wa_stat_delta (tenant_id, campaign_id, run_no, variant, from_status,"
            + " to_status, n, error_code, sender_id, hour_at, sent, delivered, read_n, failed, responded,"
            + " delivered_seconds, delivered_timed, read_seconds, read_timed)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP WITH TIME ZONE), ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, tenant)
        .setParameter(2, campaignId)
        .setParameter(3, runNo)
        .setParameter(4, variant == null ? "" : variant)
        .setParameter(5, from)
        .setParameter(6, to)
        .setParameter(7, n)
        .setParameter(8, errorCode == null ? 0 : errorCode)
        .setParameter(9, senderId == null ? "" : senderId)
        .setParameter(10, e == Events.NONE ? null : hourOf(at))
        .setParameter(11, e.sent())
        .setParameter(12, e.delivered())
        .setParameter(13, e.read())
        .setParameter(14, e.failed())
        .setParameter(15, e.responded())
        .setParameter(16, Math.max(0, e.deliveredSeconds()))
        .setParameter(17, e.deliveredSeconds() >= 0 ? 1 : 0)
        .setParameter(18, Math.max(0, e.readSeconds()))
        .setParameter(19, e.readSeconds() >= 0 ? 1 : 0)
        .executeUpdate();
  }

  /** The start of the UTC hour holding {@code at}: the timeline's bucket. */
  static OffsetDateTime hourOf(OffsetDateTime at) {
    return at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
  }

  /** Seconds from sent to {@code when}, or -1 when the sent time is not known (or after it). */
  private static long seconds(Instant sentAt, Instant when) {
    if (sentAt == null || when.isBefore(sentAt)) {
      return -1;
    }
    return Duration.between(sentAt, when).toSeconds();
  }

  /** A timestamp column as JDBC drivers return it (PostgreSQL: Timestamp; H2: OffsetDateTime). */
  static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    return Instant.from((TemporalAccessor) value);
  }

  /** What one change counts in its hour; seconds -1 when not timed. */
  private record Events(int sent, int delivered, int read, int failed, int responded, long deliveredSeconds,
      long readSeconds) {
    static final Events NONE = new Events(0, 0, 0, 0, 0, -1, -1);
  }
}
