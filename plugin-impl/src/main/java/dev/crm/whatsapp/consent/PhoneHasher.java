package dev.crm.whatsapp.consent;

import dev.crm.whatsapp.platform.RunMode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keyed hash (HMAC-SHA256) under which consent is filed, so that a number erased for GDPR is still
 * recognised as opted out without the number itself being kept. The key must stay the same for the life
 * of the data: a new key forgets every erased opt-out.
 */
@ApplicationScoped
public class PhoneHasher {
  private static final Logger LOG = Logger.getLogger(PhoneHasher.class.getName());
  /** Only for demo mode and tests; production warns when it is in use. */
  static final String DEMO_KEY = "crm-whatsapp-demo-consent-hash-key";

  @Inject
  @ConfigProperty(name = "wa.consent.hash-key")
  Optional<String> configuredKey;

  private byte[] key;

  @PostConstruct
  void load() {
    if (configuredKey.isEmpty() && !RunMode.current().isDemo()) {
      LOG.warning("wa.consent.hash-key is not set: consent is filed under the public demo key");
    }
    key = configuredKey.orElse(DEMO_KEY).getBytes(StandardCharsets.UTF_8);
  }

  public static PhoneHasher withKey(String key) {
    PhoneHasher hasher = new PhoneHasher();
    hasher.key = key.getBytes(StandardCharsets.UTF_8);
    return hasher;
  }

  /** Hex HMAC of {@code text} (an E.164 number, or a provider message id). */
  public String hash(String text) {
    Mac mac = macs.get();
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** A keyed Mac per thread: looking one up and keying it cost more than the hash (every send hashes). */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  });
}
