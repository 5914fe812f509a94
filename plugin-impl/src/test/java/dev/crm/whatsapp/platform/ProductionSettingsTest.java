package dev.crm.whatsapp.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.testing.MapConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductionSettingsTest {

  private static Map<String, String> complete() {
    Map<String, String> settings = new HashMap<>();
    settings.put("mp.jwt.verify.publickey.location", "/etc/crm/key.pem");
    settings.put("mp.jwt.verify.issuer", "https://crm.example.com");
    settings.put("wa.webhook.app-secret", "s3cret");
    settings.put("wa.webhook.verify-token", "v3rify");
    settings.put("db.url", "jdbc:postgresql://db/crm");
    return settings;
  }

  @Test
  void completeProductionSettingsHaveNoProblems() {
    assertThat(ProductionSettings.problems(MapConfig.of(complete()))).isEmpty();
  }

  @Test
  void everyMissingSettingIsListedAtOnce() {
    assertThat(ProductionSettings.problems(MapConfig.of(Map.of())))
        .hasSize(5)
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
}
