package dev.crm.whatsapp.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * In production mode, refuses to start on settings that are only fit for a demo: no token key from the
 * host, no webhook secrets, the embedded H2 database, broker settings the message consumers cannot see.
 * Every problem is listed at once, so one restart
 * is enough to fix them all.
 */
@Singleton
@Startup
public class ProductionSettings {
  private static final Logger LOG = Logger.getLogger(ProductionSettings.class.getName());

  @Inject Config config;

  @PostConstruct
  void check() {
    if (RunMode.current().isDemo()) {
      return;
    }
    List<String> problems = problems(config);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Production mode refuses to start: " + String.join("; ", problems));
    }
    if ("sandbox".equals(config.getOptionalValue("wa.provider.default", String.class).orElse("sandbox"))) {
      LOG.warning("Production mode with the sandbox provider: no message reaches WhatsApp");
    }
    if ("sandbox".equals(config.getOptionalValue("wa.templates.catalog", String.class).orElse("sandbox"))) {
      LOG.warning("Production mode with the sandbox template catalog: templates are not submitted to Meta");
    }
  }

  static List<String> problems(Config config) {
    List<String> problems = new ArrayList<>();
    if (absent(config, "mp.jwt.verify.publickey") && absent(config, "mp.jwt.verify.publickey.location")) {
      problems.add("set mp.jwt.verify.publickey.location (or mp.jwt.verify.publickey) to the host's token key");
    }
    if (absent(config, "mp.jwt.verify.issuer")) {
      problems.add("set mp.jwt.verify.issuer to the issuer of the host's tokens");
    }
    if (absent(config, "wa.webhook.app-secret")) {
      problems.add("set wa.webhook.app-secret (WA_WEBHOOK_APP_SECRET) to the Meta app secret");
    }
    if (absent(config, "wa.webhook.verify-token")) {
      problems.add("set wa.webhook.verify-token (WA_WEBHOOK_VERIFY_TOKEN)");
    }
    if (absent(config, "wa.consent.hash-key")) {
      problems.add("set wa.consent.hash-key (WA_CONSENT_HASH_KEY): opt-outs are filed under a keyed hash of the"
          + " number, and the built-in demo key is public");
    }
    if (absent(config, "wa.accounts.encryption-keys")) {
      problems.add("set wa.accounts.encryption-keys (WA_ACCOUNTS_ENCRYPTION_KEYS) to id:base64 AES-256 key(s)"
          + " that encrypt provider credentials");
    }
    List<String> unseen = externalBroker(config)
        ? SERVER_LEVEL_BROKER_KEYS.stream().filter(key -> onlyInSecretFiles(config, key)).toList() : List.of();
    if (!unseen.isEmpty()) {
      problems.add("give " + String.join(", ", unseen) + " in the environment (WA_JMS_...) or through Payara's"
          + " set-config-dir (docs/operations.md#deploy): the message consumers and the connection factory are set"
          + " up by the server, which never reads *_FILE variables or WA_SECRETS_DIR, and would use the defaults");
    }
    String databaseUrl = config.getOptionalValue("db.url", String.class).orElse("");
    if (databaseUrl.isBlank() || databaseUrl.startsWith("jdbc:h2:")) {
      problems.add("set DB_URL (and DB_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource) to PostgreSQL");
    }
    return problems;
  }

  /** Resolved by the server for the consumers' activation and the connection factory ({@code JmsResources}). */
  private static final List<String> SERVER_LEVEL_BROKER_KEYS =
      List.of("wa.jms.host", "wa.jms.port", "wa.jms.user", "wa.jms.password");

  private static boolean externalBroker(Config config) {
    return config.getOptionalValue("wa.jms.embedded", String.class).map(v -> v.trim().equalsIgnoreCase("false"))
        .orElse(false);
  }

  /** The key has a value only in the plugin's secret files, which server-level resolution cannot see. */
  private static boolean onlyInSecretFiles(Config config, String key) {
    boolean inFiles = false;
    for (ConfigSource source : config.getConfigSources()) {
      String value = source.getValue(key);
      if (value == null || value.isBlank()) {
        continue;
      }
      if (!(source instanceof SecretFilesConfigSource)) {
        return false;
      }
      inFiles = true;
    }
    return inFiles;
  }

  private static boolean absent(Config config, String key) {
    return config.getOptionalValue(key, String.class).map(String::isBlank).orElse(true);
  }
}
