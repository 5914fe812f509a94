package dev.crm.whatsapp.security;

import dev.crm.whatsapp.platform.RunMode;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * In demo mode, tells the container's JWT verifier to trust tokens signed by {@link DemoSigningKey}.
 * In production mode it supplies nothing, so the host's key and issuer must be configured.
 */
public class DemoKeyConfigSource implements ConfigSource {
  private static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
  private static final String ISSUER = "mp.jwt.verify.issuer";

  private final boolean demo = RunMode.current().isDemo();

  @Override
  public Set<String> getPropertyNames() {
    return demo ? Set.of(PUBLIC_KEY, ISSUER) : Set.of();
  }

  @Override
  public Map<String, String> getProperties() {
    return demo ? Map.of(PUBLIC_KEY, DemoSigningKey.publicKeyPem(), ISSUER, DemoSigningKey.ISSUER) : Map.of();
  }

  @Override
  public String getValue(String name) {
    if (!demo) {
      return null;
    }
    return switch (name) {
      case PUBLIC_KEY -> DemoSigningKey.publicKeyPem();
      case ISSUER -> DemoSigningKey.ISSUER;
      default -> null;
    };
  }

  @Override
  public String getName() {
    return "crm-whatsapp-demo-keys";
  }

  @Override
  public int getOrdinal() {
    // Above the application's own properties, below system properties and environment (400/300).
    return 250;
  }
}
