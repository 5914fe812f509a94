package dev.crm.whatsapp.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The RSA key that signs demo tokens, made afresh at every start and never written anywhere. It is held
 * statically because the container's JWT verifier reads its public half through a config source before
 * CDI exists.
 */
public final class DemoSigningKey {
  public static final String ISSUER = "crm-whatsapp-demo";
  private static final KeyPair KEYS = generate();

  private DemoSigningKey() {}

  public static KeyPair keys() {
    return KEYS;
  }

  /** The public key as PEM, the form {@code mp.jwt.verify.publickey} takes. */
  public static String publicKeyPem() {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----";
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("RSA is missing from this JVM", e);
    }
  }
}
