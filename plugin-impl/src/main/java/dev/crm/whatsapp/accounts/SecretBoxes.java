package dev.crm.whatsapp.accounts;

import dev.crm.whatsapp.platform.RunMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link SecretBox} of this installation, from {@code wa.accounts.encryption-keys}. In demo mode
 * without keys, a fixed, publicly known demo key is used (demo credentials are not secrets); production
 * refuses to start without keys (see {@code ProductionSettings}).
 */
@ApplicationScoped
public class SecretBoxes {
  private static final Logger LOG = Logger.getLogger(SecretBoxes.class.getName());
  static final String DEMO_KEY_ID = "demo";

  @Inject
  @ConfigProperty(name = "wa.accounts.encryption-keys")
  Optional<String> keys;

  @Produces
  @Singleton
  SecretBox secretBox() {
    if (keys.filter(k -> !k.isBlank()).isPresent()) {
      return SecretBox.of(keys.get(), new SecureRandom());
    }
    if (!RunMode.current().isDemo()) {
      throw new IllegalStateException("set wa.accounts.encryption-keys to encrypt provider credentials");
    }
    LOG.warning("No wa.accounts.encryption-keys: demo credentials are sealed with the public demo key");
    return SecretBox.of(DEMO_KEY_ID + ":" + demoKey(), new SecureRandom());
  }

  private static String demoKey() {
    try {
      byte[] key = MessageDigest.getInstance("SHA-256").digest("crm-whatsapp-demo-key".getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(key);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
