package dev.crm.whatsapp.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A number's health weighs success, provider errors, latency and whether calls reach the provider. */
class HealthScoreTest {

  @Test
  void aNumberWithoutCallsIsHealthyUnlessItsLastConnectionTestFailed() {
    assertThat(new HealthScore(0, 0, 0, null, null).score()).isEqualTo(100);
    assertThat(new HealthScore(0, 0, 0, null, false).score()).isEqualTo(85);
  }

  @Test
  void everyCallAcceptedQuicklyScoresFullMarks() {
    assertThat(new HealthScore(100, 0, 0, 500L, true).score()).isEqualTo(100);
  }

  @Test
  void providerRefusalsCostSuccessAndErrorPointsButNotConnectivity() {
    // 40 * 0.5 + 30 * 0.5 + 15 + 15
    assertThat(new HealthScore(50, 50, 0, 500L, true).score()).isEqualTo(65);
  }

  @Test
  void callsThatNeverReachedTheProviderCostSuccessAndConnectivityButAreNotProviderErrors() {
    // 40 * 0.5 + 30 + 15 + 15 * 0.5
    assertThat(new HealthScore(50, 0, 50, 500L, true).score()).isEqualTo(73);
  }

  @Test
  void slowAnswersCostTheLatencyPointsFrom1To5Seconds() {
    assertThat(new HealthScore(100, 0, 0, 3000L, true).score()).isEqualTo(93);
    assertThat(new HealthScore(100, 0, 0, 5000L, true).score()).isEqualTo(85);
  }

  @Test
  void aNumberWhoseEveryCallFailsToConnectIsNoLongerHealthySoSendsFailOver() {
    // 0 + 30 (no provider refused anything) + 15 + 0
    assertThat(new HealthScore(0, 0, 10, null, false).score()).isEqualTo(45);
    assertThat(HealthScore.isHealthy(45)).isFalse();
  }

  @Test
  void aNumberWhoseEveryCallIsRefusedSlowlyIsCritical() {
    assertThat(HealthScore.isCritical(new HealthScore(0, 10, 0, 5000L, true).score())).isTrue();
  }

  @Test
  void levelsAreHealthyFrom70AndCriticalBelow30() {
    assertThat(HealthScore.level(70)).isEqualTo("healthy");
    assertThat(HealthScore.level(69)).isEqualTo("degraded");
    assertThat(HealthScore.level(30)).isEqualTo("degraded");
    assertThat(HealthScore.level(29)).isEqualTo("critical");
  }
}
