package dev.crm.whatsapp.accounts;

import dev.crm.whatsapp.analytics.SenderHealthDays;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import dev.crm.whatsapp.dispatch.SendAttempts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/** Recomputes every number's {@link HealthScore} from its sends of the last hour. */
@ApplicationScoped
public class SenderHealth {
  static final Duration WINDOW = Duration.ofHours(1);

  @Inject SenderAccounts accounts;
  @Inject SendAttempts sends;
  @Inject Clock clock;

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  @Transactional
  public void refreshAll() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (SenderAccount account : accounts.all()) {
      long[] outcome = sends.outcomesOf(account.provider(), account.senderId(), now.minus(WINDOW));
      HealthScore score = new HealthScore(outcome[0] + outcome[1], outcome[0], outcome[1],
          outcome[2] < 0 ? null : outcome[2], account.lastConnectionOk().orElse(null));
      account.health(score.score(), null, now);
      SenderHealthDays.record(em, account.tenant(), account.id(), now.toLocalDate(), score.score());
    }
  }
}
