package dev.crm.whatsapp.webhooks;

import dev.crm.whatsapp.platform.RunMode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The app secret that signs webhooks and the token of the verification handshake. In demo mode, when
 * not configured, both are made up at start and shared with the sandbox provider, which signs with them.
 * In production, a missing secret refuses every webhook (fails closed) rather than accepting unsigned ones.
 */
@ApplicationScoped
public class WebhookSecrets {
  private static final Logger LOG = Logger.getLogger(WebhookSecrets.class.getName());

  @Inject
  @ConfigProperty(name = "wa.webhook.app-secret")
  Optional<String> configuredAppSecret;

  @Inject
  @ConfigProperty(name = "wa.webhook.verify-token")
  Optional<String> configuredVerifyToken;

  private Optional<byte[]> appSecret;
  private Optional<String> verifyToken;

  @PostConstruct
  void load() {
    boolean demo = RunMode.current().isDemo();
    appSecret = configuredAppSecret.or(() -> demo ? Optional.of(random()) : Optional.empty())
        .map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    verifyToken = configuredVerifyToken.or(() -> demo ? Optional.of(random()) : Optional.empty());
    if (appSecret.isEmpty()) {
      LOG.warning("wa.webhook.app-secret is not set: every webhook POST will be refused");
    }
  }

  public static WebhookSecrets of(String appSecret, String verifyToken) {
    WebhookSecrets secrets = new WebhookSecrets();
    secrets.appSecret = Optional.ofNullable(appSecret).map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    secrets.verifyToken = Optional.ofNullable(verifyToken);
    return secrets;
  }

  /** The app secret's bytes; empty when none is configured. */
  public Optional<byte[]> appSecret() {
    return appSecret.map(byte[]::clone);
  }

  public Optional<String> verifyToken() {
    return verifyToken;
  }

  private static String random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
