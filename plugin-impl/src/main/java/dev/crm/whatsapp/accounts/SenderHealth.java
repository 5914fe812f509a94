package dev.crm.whatsapp.accounts;

import dev.crm.whatsapp.analytics.SenderHealthDays;
import dev.crm.whatsapp.dispatch.SenderOutcomes;
import dev.crm.whatsapp.providers.Providers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/** Recomputes every number's {@link HealthScore} from its provider calls of the last hour, all instances'. */
@ApplicationScoped
public class SenderHealth {
  static final Duration WINDOW = Duration.ofHours(1);

  @Inject SenderAccounts accounts;
  @Inject SenderOutcomes outcomes;
  @Inject Clock clock;

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  @Transactional
  public void refreshAll() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (SenderAccount account : accounts.all()) {
      SenderOutcomes.Totals calls = outcomes.since(Providers.Route.keyOf(account.provider(), account.senderId()),
          now.minus(WINDOW));
      HealthScore score = new HealthScore(calls.accepted(), calls.refused(), calls.unreached(),
          calls.averageLatencyMillis(), account.lastConnectionOk().orElse(null));
      accounts.healthScored(account.id(), score.score(), now);
      SenderHealthDays.record(em, account.tenant(), account.id(), now.toLocalDate(), score.score());
    }
  }
}
