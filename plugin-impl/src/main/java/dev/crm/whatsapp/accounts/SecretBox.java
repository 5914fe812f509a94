package dev.crm.whatsapp.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts provider credentials at rest with AES-256-GCM. Each ciphertext names the key that sealed it,
 * so keys rotate: new secrets are sealed with the current key, and every listed key still opens what it
 * sealed. The key id is also bound as associated data, so a ciphertext cannot be relabelled.
 *
 * <p>Keys are configured as {@code id:base64key,id2:base64key2}; the first is the current one.
 */
public final class SecretBox {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  /** A sealed secret: the key id and {@code base64(nonce || ciphertext+tag)}. */
  public record Sealed(String keyId, String ciphertext) {
    public Sealed {
      Objects.requireNonNull(keyId, "keyId");
      Objects.requireNonNull(ciphertext, "ciphertext");
    }
  }

  private final Map<String, SecretKey> keys;
  private final String currentKeyId;
  private final SecureRandom random;

  private SecretBox(Map<String, SecretKey> keys, String currentKeyId, SecureRandom random) {
    this.keys = keys;
    this.currentKeyId = currentKeyId;
    this.random = random;
  }

  /**
   * Reads the key list; throws {@link IllegalArgumentException} naming the problem (never the key).
   */
  public static SecretBox of(String keyList, SecureRandom random) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    for (String entry : keyList.split(",")) {
      String trimmed = entry.trim();
      int colon = trimmed.indexOf(':');
      if (colon < 1) {
        throw new IllegalArgumentException("each key is id:base64 (32 bytes)");
      }
      String id = trimmed.substring(0, colon);
      byte[] key;
      try {
        key = Base64.getDecoder().decode(trimmed.substring(colon + 1));
      } catch (IllegalArgumentException notBase64) {
        throw new IllegalArgumentException("key '" + id + "' is not base64");
      }
      if (key.length != 32) {
        throw new IllegalArgumentException("key '" + id + "' must be 32 bytes (AES-256), not " + key.length);
      }
      if (keys.put(id, new SecretKeySpec(key, "AES")) != null) {
        throw new IllegalArgumentException("key id '" + id + "' is listed twice");
      }
    }
    return new SecretBox(Map.copyOf(keys), keys.keySet().iterator().next(), random);
  }

  public String currentKeyId() {
    return currentKeyId;
  }

  public Sealed seal(String secret) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, currentKeyId, nonce);
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return new Sealed(currentKeyId, Base64.getEncoder().encodeToString(out));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /** Opens a sealed secret; throws {@link IllegalStateException} for an unknown key or a tampered text. */
  public String open(Sealed sealed) {
    if (!keys.containsKey(sealed.keyId())) {
      throw new IllegalStateException("no key '" + sealed.keyId() + "' is configured to open this secret");
    }
    try {
      byte[] in = Base64.getDecoder().decode(sealed.ciphertext());
      byte[] nonce = java.util.Arrays.copyOf(in, NONCE_BYTES);
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, sealed.keyId(), nonce);
      return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("the secret sealed with key '" + sealed.keyId() + "' cannot be opened");
    }
  }

  /** True when the secret was sealed with an older key and should be sealed again. */
  public boolean needsRotation(Sealed sealed) {
    return !currentKeyId.equals(sealed.keyId());
  }

  private Cipher cipher(int mode, String keyId, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, keys.get(keyId), new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
