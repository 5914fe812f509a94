package dev.crm.whatsapp.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.function.Function;
import dev.crm.whatsapp.testing.PluginDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sender accounts on PostgreSQL: tenant scoping, sealed credentials, lookup by provider sender id. */
class SenderAccountsPgTest {
  private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);
  private static final SecretBox BOX = SecretBox.of("k1:" + Base64.getEncoder().encodeToString(new byte[32]),
      new SecureRandom());

  @RegisterExtension
  static final PluginDatabase database = PluginDatabase.emptying("wa_sender_account");



  private <T> T accounts(Function<SenderAccounts, T> work) {
    return database.persistence().inTransaction(em -> work.apply(SenderAccounts.over(em)));
  }

  private SenderAccount added(String tenant, String phone, String senderId, String token) {
    SenderAccount account = SenderAccount.create(tenant, "Sales line", phone, "cloud-api", senderId,
        token == null ? null : BOX.seal(token), 80, 1000, T0);
    database.persistence().run(em -> SenderAccounts.over(em).add(account));
    return account;
  }

  @Test
  void anotherTenantsAccountIsAsAbsentAsAnUnknownOne() {
    SenderAccount acme = added("acme", "+6281100000001", "1001", "token-a");

    var result1 = accounts(a -> a.find("acme", acme.id()));
    assertThat(result1).isPresent();
    var result2 = accounts(a -> a.find("globex", acme.id()));
    assertThat(result2).isEmpty();
    var result3 = accounts(a -> a.ofTenant("globex"));
    assertThat(result3).isEmpty();
  }

  @Test
  void aConnectionTestRecordedWhileAnAdminEditsTheNumberKeepsBothAndFailsNeither() {
    SenderAccount account = added("acme", "+6281100000003", "1003", "token-c");

    database.persistence().run(edit -> {
      SenderAccount held = SenderAccounts.over(edit).find("acme", account.id()).orElseThrow();
      // the connection test answers between the edit's read and its commit
      database.persistence().run(test -> SenderAccounts.over(test).connectionTested(account.id(), false,
          T0.plusMinutes(1)));
      held.rename("Support line", T0.plusMinutes(2));
    });

    SenderAccount read = accounts(a -> a.find("acme", account.id())).orElseThrow();
    assertThat(read.name()).isEqualTo("Support line");
    assertThat(read.lastConnectionOk()).contains(false);
    assertThat(read.healthCheckedAt()).contains(T0.plusMinutes(1));
  }

  @Test
  void aHealthRefreshWhileAnAdminEditsTheNumberKeepsBothAndFailsNeither() {
    SenderAccount account = added("acme", "+6281100000004", "1004", "token-d");

    database.persistence().run(refresh -> {
      SenderAccounts.over(refresh).all(); // the refresh reads every number first
      database.persistence().run(edit -> SenderAccounts.over(edit).find("acme", account.id()).orElseThrow()
          .limits(40, 500, T0.plusMinutes(1)));
      SenderAccounts.over(refresh).healthScored(account.id(), 42, T0.plusMinutes(2));
    });
    database.persistence().run(edit -> {
      SenderAccount held = SenderAccounts.over(edit).find("acme", account.id()).orElseThrow();
      database.persistence().run(refresh -> SenderAccounts.over(refresh).healthScored(account.id(), 17,
          T0.plusMinutes(3)));
      held.primary(true, T0.plusMinutes(4)); // and the other way round: the refresh commits inside the edit
    });

    SenderAccount read = accounts(a -> a.find("acme", account.id())).orElseThrow();
    assertThat(read.mpsLimit()).isEqualTo(40);
    assertThat(read.isPrimary()).isTrue();
    assertThat(read.healthScore()).isEqualTo(17);
  }

  @Test
  void credentialsAreStoredSealedAndOpenWithTheirKey() {
    SenderAccount account = added("acme", "+6281100000002", "1002", "EAAG-plain-token");

    String stored = database.persistence().inTransaction(em -> (String) em.createNativeQuery(
        "SELECT credentials FROM wa_sender_account WHERE id = ?1").setParameter(1, account.id()).getSingleResult());
    String keyId = database.persistence().inTransaction(em -> (String) em.createNativeQuery(
        "SELECT credentials_key_id FROM wa_sender_account WHERE id = ?1").setParameter(1, account.id()).getSingleResult());
    SenderAccount read = accounts(a -> a.bySender("cloud-api", "1002")).orElseThrow();

    assertThat(stored).doesNotContain("EAAG").isNotBlank();
    assertThat(keyId).isEqualTo("k1");
    assertThat(BOX.open(read.credentials().orElseThrow())).isEqualTo("EAAG-plain-token");
  }

  @Test
  void afterAKeyRotationCredentialsAreSealedAgainUnderTheNewKeyAndStillOpen() {
    SenderAccount account = added("acme", "+6281100000005", "1005", "EAAG-before-rotation");
    added("acme", "+6281100000006", "1006", null);
    SecretBox rotated = SecretBox.of("k2:" + Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
        30, 31, 32}) + ",k1:" + Base64.getEncoder().encodeToString(new byte[32]), new SecureRandom());

    int resealed = accounts(a -> CredentialKeyRotation.reseal(a.all(), rotated));
    int again = accounts(a -> CredentialKeyRotation.reseal(a.all(), rotated));

    assertThat(resealed).isEqualTo(1);
    assertThat(again).isZero();
    SenderAccount read = accounts(a -> a.bySender("cloud-api", "1005")).orElseThrow();
    assertThat(read.credentials().orElseThrow().keyId()).isEqualTo("k2");
    assertThat(rotated.open(read.credentials().orElseThrow())).isEqualTo("EAAG-before-rotation");
    SecretBox newKeyOnly = SecretBox.of("k2:" + Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
        30, 31, 32}), new SecureRandom());
    assertThat(newKeyOnly.open(read.credentials().orElseThrow())).as("the old key can now be dropped")
        .isEqualTo("EAAG-before-rotation");
    assertThat(account.id()).isEqualTo(read.id());
  }

  @Test
  void aPhoneNumberIsTakenOnlyWithinItsTenant() {
    added("acme", "+6281100000003", "1003", null);

    var result4 = accounts(a -> a.phoneTaken("acme", "+6281100000003"));
    assertThat(result4).isTrue();
    var result5 = accounts(a -> a.phoneTaken("globex", "+6281100000003"));
    assertThat(result5).isFalse();
  }

  @Test
  void statusPrimaryAndHealthChangesArePersisted() {
    SenderAccount account = added("acme", "+6281100000004", "1004", null);

    database.persistence().run(em -> {
      SenderAccount managed = SenderAccounts.over(em).find("acme", account.id()).orElseThrow();
      managed.status(SenderStatus.PAUSED, "(#368) account restricted", T0);
      managed.primary(true, T0);
      managed.health(25, false, T0);
    });
    SenderAccount read = accounts(a -> a.find("acme", account.id())).orElseThrow();

    assertThat(read.status()).isEqualTo(SenderStatus.PAUSED);
    assertThat(read.statusReason()).contains("(#368) account restricted");
    assertThat(read.isPrimary()).isTrue();
    assertThat(read.healthScore()).isEqualTo(25);
    assertThat(read.lastConnectionOk()).contains(false);
  }
}
