package dev.crm.whatsapp.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesConfigSourceTest {
  @TempDir Path dir;

  @Test
  void aFileVariableSuppliesTheKeyWithoutItsTrailingLineBreak() throws IOException {
    Path file = Files.writeString(dir.resolve("app-secret"), "s3cret\n");
    var source = new SecretFilesConfigSource(Map.of("WA_WEBHOOK_APP_SECRET_FILE", file.toString())::get,
        Optional.empty());

    assertThat(source.getValue("wa.webhook.app-secret")).isEqualTo("s3cret");
    assertThat(source.getValue("wa.webhook.verify-token")).isNull();
  }

  @Test
  void aSecretsDirectoryHoldsFilesNamedByKeyOrByEnvironmentName() throws IOException {
    Files.writeString(dir.resolve("db.password"), "pg-pass");
    Files.writeString(dir.resolve("WA_CONSENT_HASH_KEY"), "hash-key\r\n");
    var source = new SecretFilesConfigSource(Map.<String, String>of()::get, Optional.of(dir));

    assertThat(source.getValue("db.password")).isEqualTo("pg-pass");
    assertThat(source.getValue("wa.consent.hash-key")).isEqualTo("hash-key");
    assertThat(source.getPropertyNames()).containsExactlyInAnyOrder("db.password", "WA_CONSENT_HASH_KEY");
  }

  @Test
  void aFileVariableWinsOverTheDirectory() throws IOException {
    Files.writeString(dir.resolve("db.password"), "from-directory");
    Path file = Files.writeString(dir.resolve("other"), "from-variable");
    var source = new SecretFilesConfigSource(Map.of("DB_PASSWORD_FILE", file.toString())::get, Optional.of(dir));

    assertThat(source.getValue("db.password")).isEqualTo("from-variable");
  }

  @Test
  void aNamedButMissingFileFailsNamingTheFileNotAValue() {
    var source = new SecretFilesConfigSource(Map.of("DB_PASSWORD_FILE", dir.resolve("absent").toString())::get,
        Optional.empty());

    assertThatThrownBy(() -> source.getValue("db.password"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("db.password").hasMessageContaining("absent");
  }

  @Test
  void aKeyCannotReachOutsideTheDirectory() throws IOException {
    Files.writeString(dir.resolve("secret"), "x");
    var source = new SecretFilesConfigSource(Map.<String, String>of()::get, Optional.of(dir.resolve("sub")));

    assertThat(source.getValue("../secret")).isNull();
  }

  @Test
  void explicitEnvironmentAndSystemPropertiesOutrankFiles() {
    assertThat(new SecretFilesConfigSource().getOrdinal()).isBetween(251, 299);
  }
}
