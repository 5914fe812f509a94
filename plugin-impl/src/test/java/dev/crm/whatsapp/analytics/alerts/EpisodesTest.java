package dev.crm.whatsapp.analytics.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An alert begins once and ends once, however many evaluations find it holding. */
class EpisodesTest {
  private static final Alert SLOW = new Alert("queue-depth", "queue-depth", null, "queue holds 12000");
  private static final Alert SICK = new Alert("sender-health:acme:s1", "sender-health", "acme", "health 30");

  @Test
  void aConditionHoldingForManyEvaluationsBeginsOnceAndEndsOnce() {
    Episodes episodes = new Episodes();

    Episodes.Changes first = episodes.next(List.of(SLOW));
    Episodes.Changes second = episodes.next(List.of(SLOW, SICK));
    Episodes.Changes third = episodes.next(List.of(SICK));
    Episodes.Changes fourth = episodes.next(List.of());

    assertThat(first.began()).containsExactly(SLOW);
    assertThat(second.began()).containsExactly(SICK);
    assertThat(second.ended()).isEmpty();
    assertThat(third.ended()).containsExactly(SLOW);
    assertThat(fourth.ended()).containsExactly(SICK);
    assertThat(episodes.active()).isEmpty();
  }

  @Test
  void theSameKeyWithAnUpdatedReasonIsTheSameEpisode() {
    Episodes episodes = new Episodes();
    episodes.next(List.of(SLOW));

    Episodes.Changes worse = episodes.next(List.of(new Alert("queue-depth", "queue-depth", null, "queue holds 15000")));

    assertThat(worse.began()).isEmpty();
    assertThat(episodes.active()).extracting(Alert::reason).containsExactly("queue holds 15000");
  }
}
