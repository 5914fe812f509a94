package dev.crm.whatsapp.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
  private static final String KEY_A = Base64.getEncoder().encodeToString(bytes(1));
  private static final String KEY_B = Base64.getEncoder().encodeToString(bytes(2));
  private final SecureRandom random = seeded();

  private static byte[] bytes(int fill) {
    byte[] key = new byte[32];
    java.util.Arrays.fill(key, (byte) fill);
    return key;
  }

  private static SecureRandom seeded() {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(42L);
      return random;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aSealedSecretOpensToItselfAndDoesNotContainIt() {
    SecretBox box = SecretBox.of("k1:" + KEY_A, random);

    SecretBox.Sealed sealed = box.seal("EAAG-secret-token");

    assertThat(sealed.keyId()).isEqualTo("k1");
    assertThat(sealed.ciphertext()).doesNotContain("EAAG");
    assertThat(box.open(sealed)).isEqualTo("EAAG-secret-token");
  }

  @Test
  void theSameSecretSealsDifferentlyEachTime() {
    SecretBox box = SecretBox.of("k1:" + KEY_A, random);

    assertThat(box.seal("same").ciphertext()).isNotEqualTo(box.seal("same").ciphertext());
  }

  @Test
  void afterRotationOldSecretsStillOpenAndNewOnesUseTheNewKey() {
    SecretBox.Sealed old = SecretBox.of("k1:" + KEY_A, random).seal("old-token");
    SecretBox rotated = SecretBox.of("k2:" + KEY_B + ",k1:" + KEY_A, random);

    assertThat(rotated.open(old)).isEqualTo("old-token");
    assertThat(rotated.needsRotation(old)).isTrue();
    assertThat(rotated.seal("new-token").keyId()).isEqualTo("k2");
  }

  @Test
  void aSecretWhoseKeyWasRemovedCannotBeOpened() {
    SecretBox.Sealed old = SecretBox.of("k1:" + KEY_A, random).seal("old-token");

    assertThatThrownBy(() -> SecretBox.of("k2:" + KEY_B, random).open(old))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("k1");
  }

  @Test
  void aTamperedOrRelabelledCiphertextIsRefused() {
    SecretBox box = SecretBox.of("k1:" + KEY_A + ",k2:" + KEY_A, random);
    SecretBox.Sealed sealed = box.seal("token");
    byte[] raw = Base64.getDecoder().decode(sealed.ciphertext());
    raw[raw.length - 1] ^= 1;

    assertThatThrownBy(() -> box.open(new SecretBox.Sealed("k1", Base64.getEncoder().encodeToString(raw))))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> box.open(new SecretBox.Sealed("k2", sealed.ciphertext())))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aKeyOfTheWrongLengthIsRefusedWithoutShowingIt() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatThrownBy(() -> SecretBox.of("k1:" + shortKey, random))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes")
        .hasMessageNotContaining(shortKey);
  }
}
