package dev.crm.whatsapp.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.testing.MapConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductionSettingsTest {

  private static Map<String, String> complete() {
    Map<String, String> settings = new HashMap<>();
    settings.put("mp.jwt.verify.publickey.location", "/etc/crm/key.pem");
    settings.put("mp.jwt.verify.issuer", "https://crm.example.com");
    settings.put("wa.webhook.app-secret", "s3cret");
    settings.put("wa.webhook.verify-token", "v3rify");
    settings.put("db.url", "jdbc:postgresql://db/crm");
    settings.put("wa.consent.hash-key", "a-long-random-key");
    settings.put("wa.accounts.encryption-keys", "k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    return settings;
  }

  @Test
  void completeProductionSettingsHaveNoProblems() {
    assertThat(ProductionSettings.problems(MapConfig.of(complete()))).isEmpty();
  }

  @Test
  void everyMissingSettingIsListedAtOnce() {
    assertThat(ProductionSettings.problems(MapConfig.of(Map.of())))
        .hasSize(7)
        .anySatisfy(p -> assertThat(p).contains("wa.consent.hash-key"))
        .anySatisfy(p -> assertThat(p).contains("wa.accounts.encryption-keys"))
        .anySatisfy(p -> assertThat(p).contains("mp.jwt.verify.publickey.location"))
        .anySatisfy(p -> assertThat(p).contains("mp.jwt.verify.issuer"))
        .anySatisfy(p -> assertThat(p).contains("wa.webhook.app-secret"))
        .anySatisfy(p -> assertThat(p).contains("wa.webhook.verify-token"))
        .anySatisfy(p -> assertThat(p).contains("DB_URL"));
  }

  @Test
  void theEmbeddedH2DatabaseIsRefused() {
    Map<String, String> settings = complete();
    settings.put("db.url", "jdbc:h2:file:./whatsapp-data/db");
    assertThat(ProductionSettings.problems(MapConfig.of(settings))).singleElement().asString().contains("PostgreSQL");
  }

  @Test
  void anInlineKeyIsAsGoodAsAKeyLocation() {
    Map<String, String> settings = complete();
    settings.remove("mp.jwt.verify.publickey.location");
    settings.put("mp.jwt.verify.publickey", "-----BEGIN PUBLIC KEY-----...");
    assertThat(ProductionSettings.problems(MapConfig.of(settings))).isEmpty();
  }

  @Test
  void productionWithoutACredentialsKeyIsRefused() {
    Map<String, String> settings = complete();
    settings.remove("wa.accounts.encryption-keys");
    assertThat(ProductionSettings.problems(MapConfig.of(settings))).singleElement().asString()
        .contains("wa.accounts.encryption-keys");
  }

  @Test
  void aBrokerPasswordOnlyInAPluginSecretFileIsRefusedForTheServerNeverReadsIt(@TempDir Path dir) throws IOException {
    Map<String, String> settings = complete();
    settings.put("wa.jms.embedded", "false");
    MapConfig config = MapConfig.of(settings).withSources(secretFileHolding(dir, "wa.jms.password", "rel-secret"));

    assertThat(ProductionSettings.problems(config)).singleElement().asString()
        .contains("wa.jms.password", "environment", "set-config-dir", "*_FILE");
  }

  @Test
  void theBrokerAddressOnlyInAPluginSecretFileIsRefusedTooAndNamedWithThePassword(@TempDir Path dir)
      throws IOException {
    Map<String, String> settings = complete();
    settings.put("wa.jms.embedded", "false");
    MapConfig config = MapConfig.of(settings).withSources(
        secretFileHolding(dir, "wa.jms.host", "broker.internal"), serverSource("wa.jms.port", "61617"),
        secretFileHolding(dir, "wa.jms.password", "rel-secret"));

    assertThat(ProductionSettings.problems(config)).singleElement().asString()
        .contains("wa.jms.host, wa.jms.password").doesNotContain("wa.jms.port");
  }

  @Test
  void aBrokerPasswordAlsoGivenWhereTheServerLooksIsAccepted(@TempDir Path dir) throws IOException {
    Map<String, String> settings = complete();
    settings.put("wa.jms.embedded", "false");
    MapConfig config = MapConfig.of(settings).withSources(
        secretFileHolding(dir, "wa.jms.password", "rel-secret"), serverSource("wa.jms.password", "rel-secret"));

    assertThat(ProductionSettings.problems(config)).isEmpty();
  }

  @Test
  void theEmbeddedBrokerNeedsNoPasswordWhereverItIsKept(@TempDir Path dir) throws IOException {
    MapConfig config = MapConfig.of(complete()).withSources(secretFileHolding(dir, "wa.jms.password", "unused"));

    assertThat(ProductionSettings.problems(config)).isEmpty();
  }

  private static ConfigSource secretFileHolding(Path dir, String key, String value) throws IOException {
    Path file = Files.writeString(dir.resolve(key), value + "\n");
    String variable = key.toUpperCase().replaceAll("[^A-Z0-9]", "_") + "_FILE";
    return new SecretFilesConfigSource(Map.of(variable, file.toString())::get, Optional.empty());
  }

  /** As the environment or Payara's directory source: a source the server-level resolution reads too. */
  private static ConfigSource serverSource(String key, String value) {
    return new ConfigSource() {
      @Override public Set<String> getPropertyNames() { return Set.of(key); }
      @Override public String getValue(String name) { return key.equals(name) ? value : null; }
      @Override public String getName() { return "server"; }
    };
  }
}
