package dev.crm.whatsapp.security;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JwtSignerTest {
  private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
  private static final Duration LIFETIME = Duration.ofHours(12);

  private static KeyPair keys;

  @BeforeAll
  static void generateKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
  }

  @Test
  void signatureVerifiesWithThePublicKey() throws GeneralSecurityException {
    String[] parts = token().split("\\.");

    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(keys.getPublic());
    verifier.update((parts[0] + "." + parts[1]).getBytes(US_ASCII));

    assertThat(parts).hasSize(3);
    assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
  }

  @Test
  void signatureDoesNotVerifyWhenAClaimIsChanged() throws GeneralSecurityException {
    String[] parts = token().split("\\.");
    String otherClaims = encode(json(parts[1]).toString().replace("\"acme\"", "\"globex\""));

    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(keys.getPublic());
    verifier.update((parts[0] + "." + otherClaims).getBytes(US_ASCII));

    assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isFalse();
  }

  @Test
  void headerSaysRs256Jwt() {
    JsonObject header = json(token().split("\\.")[0]);

    assertThat(header.getString("alg")).isEqualTo("RS256");
    assertThat(header.getString("typ")).isEqualTo("JWT");
  }

  @Test
  void claimsCarryIssuerUserTenantAndGroups() {
    JsonObject claims = json(token().split("\\.")[1]);

    assertThat(claims.getString("iss")).isEqualTo("crm-whatsapp-demo");
    assertThat(claims.getString("sub")).isEqualTo("rina.sales");
    assertThat(claims.getString("upn")).isEqualTo("rina.sales");
    assertThat(claims.getString("tenant")).isEqualTo("acme");
    assertThat(claims.getJsonArray("groups").getValuesAs(JsonString::getString))
        .containsExactly("sales-rep", "marketing");
  }

  @Test
  void tenantClaimNameIsConfigurable() {
    String token = JwtSigner.sign(keys.getPrivate(), "issuer", "org_id", "acme", "rina.sales", List.of(), NOW,
        LIFETIME);

    JsonObject claims = json(token.split("\\.")[1]);

    assertThat(claims.getString("org_id")).isEqualTo("acme");
    assertThat(claims.containsKey("tenant")).isFalse();
  }

  @Test
  void tokenIsIssuedNowAndExpiresAfterItsLifetime() {
    JsonObject claims = json(token().split("\\.")[1]);

    assertThat(claims.getJsonNumber("iat").longValue()).isEqualTo(NOW.getEpochSecond());
    assertThat(claims.getJsonNumber("exp").longValue()).isEqualTo(NOW.plus(LIFETIME).getEpochSecond())
        .isGreaterThan(claims.getJsonNumber("iat").longValue());
  }

  @Test
  void everyTokenHasItsOwnId() {
    String first = json(token().split("\\.")[1]).getString("jti");
    String second = json(token().split("\\.")[1]).getString("jti");

    assertThat(first).isNotBlank();
    assertThat(second).isNotBlank().isNotEqualTo(first);
  }

  @Test
  void tokenIsUrlSafeWithoutPadding() {
    assertThat(token()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
  }

  private static String token() {
    return JwtSigner.sign(keys.getPrivate(), "crm-whatsapp-demo", "tenant", "acme", "rina.sales",
        List.of("sales-rep", "marketing"), NOW, LIFETIME);
  }

  private static JsonObject json(String base64Url) {
    String text = new String(Base64.getUrlDecoder().decode(base64Url), UTF_8);
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(UTF_8));
  }
}
