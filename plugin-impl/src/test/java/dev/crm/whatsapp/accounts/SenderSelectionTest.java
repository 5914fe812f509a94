package dev.crm.whatsapp.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SenderSelectionTest {
  private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);
  private int created;

  private SenderAccount account(String name, boolean primary, int health, SenderStatus status) {
    SenderAccount account = SenderAccount.create("acme", name, "+62811000" + (100 + created), "sandbox",
        name + "-id", null, 80, null, T0.plusMinutes(created++));
    account.primary(primary, T0);
    account.health(health, null, T0);
    account.status(status, status == SenderStatus.ACTIVE ? null : "account restricted", T0);
    return account;
  }

  @Test
  void withoutPreferenceTheHealthyPrimaryIsChosen() {
    SenderAccount primary = account("primary", true, 80, SenderStatus.ACTIVE);
    SenderAccount other = account("other", false, 100, SenderStatus.ACTIVE);

    SenderSelection.Choice choice = SenderSelection.choose(List.of(other, primary), Optional.empty()).orElseThrow();

    assertThat(choice.account()).isSameAs(primary);
    assertThat(choice.failedOver()).isFalse();
  }

  @Test
  void aUsablePreferredNumberWinsOverThePrimary() {
    SenderAccount primary = account("primary", true, 100, SenderStatus.ACTIVE);
    SenderAccount preferred = account("preferred", false, 50, SenderStatus.ACTIVE);

    SenderSelection.Choice choice = SenderSelection.choose(List.of(primary, preferred), Optional.of(preferred.id()))
        .orElseThrow();

    assertThat(choice.account()).isSameAs(preferred);
    assertThat(choice.failedOver()).isFalse();
  }

  @Test
  void aPausedPreferredNumberFailsOverToThePrimaryAndSaysWhy() {
    SenderAccount primary = account("primary", true, 90, SenderStatus.ACTIVE);
    SenderAccount paused = account("paused", false, 100, SenderStatus.PAUSED);

    SenderSelection.Choice choice = SenderSelection.choose(List.of(primary, paused), Optional.of(paused.id()))
        .orElseThrow();

    assertThat(choice.account()).isSameAs(primary);
    assertThat(choice.failedOver()).isTrue();
    assertThat(choice.why()).contains("paused", "account restricted");
  }

  @Test
  void anUnhealthyPrimaryFailsOverToTheHealthiestNumber() {
    SenderAccount primary = account("primary", true, 20, SenderStatus.ACTIVE);
    SenderAccount fair = account("fair", false, 60, SenderStatus.ACTIVE);
    SenderAccount best = account("best", false, 95, SenderStatus.ACTIVE);

    SenderSelection.Choice choice = SenderSelection.choose(List.of(primary, fair, best), Optional.empty()).orElseThrow();

    assertThat(choice.account()).isSameAs(best);
    assertThat(choice.failedOver()).isTrue();
    assertThat(choice.why()).contains("health 20");
  }

  @Test
  void aDegradedPrimaryStillLosesToAHealthierNumberButIsUsedWhenItIsTheBest() {
    SenderAccount primary = account("primary", true, 60, SenderStatus.ACTIVE);
    SenderAccount worse = account("worse", false, 40, SenderStatus.ACTIVE);

    SenderSelection.Choice choice = SenderSelection.choose(List.of(primary, worse), Optional.empty()).orElseThrow();

    assertThat(choice.account()).isSameAs(primary);
    assertThat(choice.failedOver()).isFalse();
  }

  @Test
  void withoutPreferenceSendsSpreadToTheLeastLoadedOfSeveralHealthyNumbers() {
    SenderAccount primary = account("primary", true, 90, SenderStatus.ACTIVE);
    SenderAccount second = account("second", false, 80, SenderStatus.ACTIVE);
    SenderAccount third = account("third", false, 100, SenderStatus.ACTIVE);
    Map<SenderAccount, Double> free = Map.of(primary, 0.2, second, 0.7, third, 0.5);

    SenderSelection.Choice choice = SenderSelection.choose(List.of(primary, second, third), Optional.empty(),
        free::get).orElseThrow();

    assertThat(choice.account()).isSameAs(second);
    assertThat(choice.failedOver()).isFalse();
    assertThat(choice.why()).contains("least loaded of 3 healthy numbers");
  }

  @Test
  void aPrimaryWithHalfItsWindowFreeTakesTheSendItselfSoALeadHearsFromOneNumber() {
    SenderAccount primary = account("primary", true, 90, SenderStatus.ACTIVE);
    SenderAccount idle = account("idle", false, 100, SenderStatus.ACTIVE);
    Map<SenderAccount, Double> free = Map.of(primary, 0.5, idle, 1.0);

    SenderSelection.Choice choice = SenderSelection.choose(List.of(primary, idle), Optional.empty(), free::get)
        .orElseThrow();

    assertThat(choice.account()).isSameAs(primary);
  }

  @Test
  void equallyLoadedNumbersLeaveThePrimaryFirst() {
    SenderAccount other = account("other", false, 100, SenderStatus.ACTIVE);
    SenderAccount primary = account("primary", true, 75, SenderStatus.ACTIVE);

    SenderSelection.Choice choice = SenderSelection.choose(List.of(other, primary), Optional.empty(),
        account -> 0.3).orElseThrow();

    assertThat(choice.account()).isSameAs(primary);
  }

  @Test
  void sendsAreNotSpreadToDegradedPausedOrCriticalNumbers() {
    SenderAccount primary = account("primary", true, 90, SenderStatus.ACTIVE);
    SenderAccount degraded = account("degraded", false, 60, SenderStatus.ACTIVE);
    SenderAccount paused = account("paused", false, 100, SenderStatus.PAUSED);
    SenderAccount healthy = account("healthy", false, 95, SenderStatus.ACTIVE);
    Map<SenderAccount, Double> free = Map.of(primary, 0.0, degraded, 1.0, paused, 1.0, healthy, 0.1);

    SenderSelection.Choice choice = SenderSelection.choose(List.of(primary, degraded, paused, healthy),
        Optional.empty(), free::get).orElseThrow();

    assertThat(choice.account()).isSameAs(healthy);
  }

  @Test
  void aPreferredNumberIsUsedHoweverLoadedItIs() {
    SenderAccount primary = account("primary", true, 100, SenderStatus.ACTIVE);
    SenderAccount preferred = account("preferred", false, 100, SenderStatus.ACTIVE);

    SenderSelection.Choice choice = SenderSelection.choose(List.of(primary, preferred), Optional.of(preferred.id()),
        account -> account == preferred ? 0.0 : 1.0).orElseThrow();

    assertThat(choice.account()).isSameAs(preferred);
  }

  @Test
  void disabledPausedAndCriticalNumbersAreNeverChosen() {
    List<SenderAccount> accounts = List.of(account("off", true, 100, SenderStatus.DISABLED),
        account("paused", false, 100, SenderStatus.PAUSED), account("critical", false, 29, SenderStatus.ACTIVE));

    assertThat(SenderSelection.choose(accounts, Optional.empty())).isEmpty();
  }
}
