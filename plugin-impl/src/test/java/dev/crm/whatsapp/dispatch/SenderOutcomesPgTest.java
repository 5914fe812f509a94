package dev.crm.whatsapp.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.api.provider.SendOutcome;
import dev.crm.whatsapp.testing.PluginDatabase;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Provider calls are counted in memory per number and instance, flushed, and read back summed, on PostgreSQL. */
class SenderOutcomesPgTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T09:00:00Z");

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying("wa_sender_outcome");

  @Test
  void callsOfEveryInstanceAreSummedPerNumberOverThePeriod() {
    SenderOutcomes first = outcomes(T0);
    SenderOutcomes second = outcomes(T0.plusSeconds(30)); // another instance
    first.record("cloud-api:1", new SendOutcome.Accepted("wamid.1"), 100);
    first.record("cloud-api:1", new SendOutcome.Rejected(130429, "Rate limit hit", true), 300);
    first.record("cloud-api:2", new SendOutcome.Accepted("wamid.2"), 50);
    second.record("cloud-api:1", new SendOutcome.NotSent("could not connect"), 3000);
    second.record("cloud-api:1", new SendOutcome.Uncertain("no answer"), 10000);
    second.record("cloud-api:1", new SendOutcome.Accepted("wamid.3"), 200);

    flush(first);
    flush(second);

    SenderOutcomes.Totals totals = totals("cloud-api:1", T0.minusMinutes(1));
    assertThat(totals).isEqualTo(new SenderOutcomes.Totals(2, 1, 2, 600, 3));
    assertThat(totals.averageLatencyMillis()).isEqualTo(200);
    assertThat(totals("cloud-api:1", T0.plusSeconds(10)).accepted()).isEqualTo(1); // only the second's flush
    assertThat(totals("cloud-api:3", T0.minusMinutes(1))).isEqualTo(SenderOutcomes.Totals.NONE);
  }

  @Test
  void aFlushWritesOnlyWhatWasCountedSinceThePreviousOne() {
    SenderOutcomes outcomes = outcomes(T0.plusHours(1));
    outcomes.record("gateway:9", new SendOutcome.Accepted("true_1"), 20);
    flush(outcomes);
    flush(outcomes);

    assertThat(totals("gateway:9", T0).accepted()).isEqualTo(1);
  }

  private static SenderOutcomes outcomes(OffsetDateTime now) {
    return SenderOutcomes.over(null, Clock.fixed(now.toInstant(), ZoneOffset.UTC));
  }

  private static void flush(SenderOutcomes outcomes) {
    database.persistence().run(em -> {
      outcomes.em = em;
      outcomes.flush();
    });
  }

  private static SenderOutcomes.Totals totals(String senderKey, OffsetDateTime since) {
    return database.persistence().inTransaction(em -> SenderOutcomes.over(em, Clock.systemUTC()).since(senderKey, since));
  }
}
