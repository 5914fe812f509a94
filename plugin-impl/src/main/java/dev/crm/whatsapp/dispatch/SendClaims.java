package dev.crm.whatsapp.dispatch;

import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.consent.ConsentRegistry;
import dev.crm.whatsapp.history.CampaignRecipientMirror;
import dev.crm.whatsapp.history.LeadMessages;
import dev.crm.whatsapp.platform.DataSources;
import dev.crm.whatsapp.platform.Sql;
import dev.crm.whatsapp.providers.Providers;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The steps of a send that must be durable on their own, each in its own transaction: the claim commits
 * before the provider is called, so that a crash or a redelivery after the call finds it claimed.
 */
@ApplicationScoped
public class SendClaims {

  @Inject LeadMessages messages;
  @Inject SendAttempts attempts;
  @Inject ConsentRegistry consent;
  @Inject DispatchSettings settings;
  @Inject Clock clock;

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  @Resource(lookup = DataSources.JNDI_NAME)
  DataSource dataSource;

  /**
   * Where the batched statements run: one connection of the caller's JTA transaction in the container
   * (the transaction commits it), or one committed by itself in tests outside the container.
   */
  interface Connections {
    <T> T run(Function<Sql, T> work);

    /**
     * The caller's JTA transaction's connection. Should the pool hand out one in auto-commit all the same
     * (the kill -9 runs saw it: PostgreSQL warned that SET LOCAL ran outside a transaction block, and a
     * crash between a batch's statements kept the messages' move but not their recipients'), the batch
     * runs as one local transaction of its own, so that it commits whole or not at all.
     */
    static Connections enlisted(Supplier<DataSource> dataSource) {
      return new Connections() {
        @Override
        public <T> T run(Function<Sql, T> work) {
          try (Connection connection = dataSource.get().getConnection()) {
            if (!connection.getAutoCommit()) {
              return work.apply(Sql.over(connection));
            }
            try {
              return inLocalTransaction(connection, work);
            } finally {
              connection.setAutoCommit(true);
            }
          } catch (SQLException e) {
            throw new IllegalStateException("no database connection: " + e.getMessage(), e);
          }
        }
      };
    }

    static Connections committing(DataSource dataSource) {
      return new Connections() {
        @Override
        public <T> T run(Function<Sql, T> work) {
          try (Connection connection = dataSource.getConnection()) {
            return inLocalTransaction(connection, work);
          } catch (SQLException e) {
            throw new IllegalStateException("database failure: " + e.getMessage(), e);
          }
        }
      };
    }

    /** The work in one transaction of the connection's own, committed whole or rolled back. */
    private static <T> T inLocalTransaction(Connection connection, Function<Sql, T> work) throws SQLException {
      connection.setAutoCommit(false);
      try {
        T result = work.apply(Sql.over(connection));
        connection.commit();
        return result;
      } catch (RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private Connections connections = Connections.enlisted(() -> dataSource);

  private final boolean postgres;

  @Inject
  public SendClaims(@ConfigProperty(name = "db.url") String databaseUrl) {
    this.postgres = databaseUrl.startsWith("jdbc:postgresql:");
  }

  /** For CDI's proxy. */
  protected SendClaims() {
    this.postgres = false;
  }

  /**
   * For tests outside the container, on PostgreSQL, with the default retry schedule: the batched claims and
   * acceptances run on connections of {@code dataSource}, each batch committed by itself; the rest on
   * {@code em}.
   */
  public static SendClaims over(EntityManager em, DataSource dataSource, ConsentRegistry consent, Clock clock) {
    SendClaims claims = new SendClaims("jdbc:postgresql://tests");
    claims.em = em;
    claims.connections = Connections.committing(dataSource);
    claims.messages = LeadMessages.over(em);
    claims.attempts = SendAttempts.over(em);
    claims.consent = consent;
    claims.settings = new DispatchSettings("PT30S,PT60S,PT120S", 4, "PT1H");
    claims.clock = clock;
    return claims;
  }

  /**
   * Claims a batch of queued messages in one transaction ({@link ClaimStatements}); one claim per request,
   * in order. Only a {@link Claim.Won} may be sent, by the caller that asked for it.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public List<Claim> claimAll(List<Claim.Request> requests) {
    return connections.run(sql -> statements(sql).claim(requests, OffsetDateTime.now(clock)));
  }

  /**
   * The outcome of a claim that respects the number's messaging tier: the claim, or the time the message
   * was deferred to.
   */
  public record TierClaim(Claim claim, Optional<OffsetDateTime> deferredUntil) {}

  /**
   * Claims the message for the route's number if its 24-hour messaging tier has room for the recipient
   * ({@link MessagingTier}); otherwise defers it, not failed, until there is room. The count and the
   * claim commit together under a per-number lock: on PostgreSQL a transaction-scoped advisory lock, so
   * that several instances cannot each take the last place; the caller also holds an in-process lock.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public TierClaim claimWithinTier(String messageId, Providers.Route route) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (postgres) {
      em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "wa-tier:" + route.senderKey())
          .getResultList();
    }
    MessagingTier tier = MessagingTier.over(em);
    Optional<MessagingTier.Queued> queued = tier.queued(messageId);
    if (queued.isEmpty()) {
      return new TierClaim(new Claim.Lost(), Optional.empty());
    }
    if (queued.get().template()) {
      Optional<OffsetDateTime> room = tier.roomAt(route.provider().type(), route.senderId(), queued.get().phone(),
          route.dailyLimit(), now);
      if (room.isPresent()) {
        tier.defer(messageId, room.get(), MessagingTier.waitingReason(route.name(), route.dailyLimit(), room.get()), now);
        return new TierClaim(new Claim.Lost(), room);
      }
    }
    return new TierClaim(statements(Sql.over(em)).claim(List.of(new Claim.Request(messageId,
        route.provider().type(), route.senderId())), now).get(0), Optional.empty());
  }

  private ClaimStatements statements(Sql sql) {
    return new ClaimStatements(sql, consent, postgres, campaign -> settings.retriesOf(campaign));
  }

  /** The provider accepted message {@code messageId} as {@code providerMessageId}, from {@code senderId}. */
  public record Acceptance(String messageId, String provider, String senderId, String providerMessageId) {}

  /**
   * Records a batch of acceptances in one transaction ({@link AcceptanceStatements}). On PostgreSQL this
   * commit does not wait for its WAL flush ({@code synchronous_commit = off} for this transaction only):
   * losing it in a database crash leaves the messages claimed, so they become {@code unknown} or are
   * resolved by their status webhooks, and are never sent again. The claim itself always commits
   * synchronously.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public List<Boolean> acceptedAll(List<Acceptance> acceptances) {
    return connections.run(sql -> {
      if (postgres) {
        sql.update("SET LOCAL synchronous_commit TO OFF", List.of());
      }
      new AcceptanceStatements(sql).record(acceptances, OffsetDateTime.now(clock));
      return acceptances.stream().map(a -> Boolean.TRUE).toList();
    });
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void release(String messageId) {
    messages.release(messageId, OffsetDateTime.now(clock));
  }

  /**
   * Gives back a claimed message that never left and holds it ({@code queued}, {@code reason} as its hold,
   * the attempt not counted) until its campaign is resumed.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void holdUnsent(String messageId, String tenant, String reason) {
    Sql sql = Sql.over(em);
    int held = sql.update("UPDATE wa_message SET status = 'QUEUED', attempts = attempts - 1, hold_reason = ?,"
        + " next_attempt_at = NULL, version = version + 1 WHERE id = ? AND status = 'SENDING'", List.of(reason, messageId));
    if (held == 1) {
      CampaignRecipientMirror.followAll(sql, List.of(new CampaignRecipientMirror.Moved(messageId, tenant, null)),
          MessageStatus.QUEUED, OffsetDateTime.now(clock));
    }
  }

  /**
   * Says why a claimed message's outcome is not known (it stays {@code sending} until a status webhook
   * carrying its id resolves it, or the sweeper marks it {@code unknown}): visible in its history.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void uncertain(String messageId, String reason) {
    Sql.over(em).update("UPDATE wa_message SET error_message = ? WHERE id = ? AND status = 'SENDING'",
        List.of(SendAttempts.truncate("outcome uncertain (" + reason + "); waiting for its status webhook"), messageId));
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void failed(String messageId, Integer code, String reason) {
    messages.advance(messageId, MessageStatus.FAILED, OffsetDateTime.now(clock), code, reason);
  }

  /**
   * Gives the message back for attempt {@code attempt + 1} after {@code delay}; {@link DueRetries}
   * publishes it when it is due.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void retryLater(String messageId, int attempt, Duration delay, Integer code, String reason) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    attempts.requeue(messageId, attempt, now, now.plus(delay), code, reason);
  }

  /** Ends the message in {@code status} after {@code attempt} attempts, refused by {@code senderId}. */
  @Transactional(TxType.REQUIRES_NEW)
  public void end(String messageId, MessageStatus status, int attempt, Integer code, String reason,
      String provider, String senderId) {
    attempts.end(messageId, status, attempt, OffsetDateTime.now(clock), code, reason, provider, senderId);
  }

  /** Ends a message whose request was dead-lettered, unless it was claimed (it may have left). */
  @Transactional(TxType.REQUIRES_NEW)
  public void deadLettered(String messageId, String reason) {
    attempts.endQueued(messageId, OffsetDateTime.now(clock), reason);
  }
}
