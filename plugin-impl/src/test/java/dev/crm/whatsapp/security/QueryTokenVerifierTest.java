package dev.crm.whatsapp.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.testing.MapConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** A token in the query string is trusted exactly when the container would trust it in a header. */
class QueryTokenVerifierTest {
  private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

  @Test
  void aTokenSignedByTheConfiguredKeyAndIssuerGivesItsTenantUserAndGroups() {
    JsonWebToken token = verifier(NOW).verify(token(DemoSigningKey.ISSUER, NOW)).orElseThrow();

    assertThat((String) token.getClaim("tenant")).isEqualTo("acme");
    assertThat(token.getName()).isEqualTo("rep");
    assertThat(token.getGroups()).containsExactly("marketing");
    assertThat(token.getRawToken()).isNotBlank();
  }

  @Test
  void aTamperedExpiredForeignOrMalformedTokenIsRefused() {
    String good = token(DemoSigningKey.ISSUER, NOW);
    String[] parts = good.split("\\.");
    String otherClaims = token(DemoSigningKey.ISSUER, NOW).split("\\.")[1].replace('A', 'B');

    assertThat(verifier(NOW).verify(parts[0] + "." + otherClaims + "." + parts[2])).isEmpty();
    assertThat(verifier(NOW.plus(Duration.ofHours(13))).verify(good)).isEmpty();
    assertThat(verifier(NOW).verify(token("someone-else", NOW))).isEmpty();
    assertThat(verifier(NOW).verify("not.a.token")).isEmpty();
    assertThat(verifier(NOW).verify("eyJhbGciOiJub25lIn0.e30.")).isEmpty();
  }

  private static String token(String issuer, Instant at) {
    return JwtSigner.sign(DemoSigningKey.keys().getPrivate(), issuer, "tenant", "acme", "rep", List.of("marketing"),
        at, Duration.ofHours(12));
  }

  private static QueryTokenVerifier verifier(Instant now) {
    QueryTokenVerifier verifier = new QueryTokenVerifier();
    verifier.config = MapConfig.empty().with("mp.jwt.verify.publickey", DemoSigningKey.publicKeyPem())
        .with("mp.jwt.verify.issuer", DemoSigningKey.ISSUER);
    verifier.clock = Clock.fixed(now, ZoneOffset.UTC);
    return verifier;
  }
}
