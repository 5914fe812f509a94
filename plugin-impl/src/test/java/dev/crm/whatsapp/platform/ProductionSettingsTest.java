package dev.crm.whatsapp.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.testing.MapConfig;
import org.junit.jupiter.api.Test;

class ProductionSettingsTest {
  private static final MapConfig COMPLETE = MapConfig.empty()
      .with("mp.jwt.verify.publickey.location", "/etc/crm/key.pem")
      .with("mp.jwt.verify.issuer", "https://crm.example.com")
      .with("wa.webhook.app-secret", "secret")
      .with("wa.webhook.verify-token", "token")
      .with("db.url", "jdbc:postgresql://db/crm")
      .with("wa.accounts.encryption-keys", "k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

  @Test
  void productionWithEverySettingHasNoProblem() {
    assertThat(ProductionSettings.problems(COMPLETE)).isEmpty();
  }

  @Test
  void productionWithoutACredentialsKeyIsRefused() {
    MapConfig withoutKey = MapConfig.of(java.util.Map.of(
        "mp.jwt.verify.publickey.location", "/etc/crm/key.pem", "mp.jwt.verify.issuer", "https://crm.example.com",
        "wa.webhook.app-secret", "secret", "wa.webhook.verify-token", "token", "db.url", "jdbc:postgresql://db/crm"));

    assertThat(ProductionSettings.problems(withoutKey)).singleElement().asString()
        .contains("wa.accounts.encryption-keys");
  }
}
