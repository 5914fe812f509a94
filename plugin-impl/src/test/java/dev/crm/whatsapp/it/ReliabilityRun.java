package dev.crm.whatsapp.it;

import dev.crm.whatsapp.security.JwtSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * What the reliability runs ({@code mvn -Preliability verify}) share: the server is configured with a
 * test token key and issuer, a canary app secret from a file, and a canary Cloud API token (see the
 * {@code reliability} profile); counts default to the issue's 10,000 and shrink with
 * {@code -Dreliability.count=N}.
 */
final class ReliabilityRun {
  static final String ISSUER = "reliability-issuer";
  static final String APP_SECRET = read("reliability/app-secret").strip();
  /** The access token the server sends to the Graph API stub (WA_CLOUDAPI_ACCESS_TOKEN). */
  static final String GRAPH_TOKEN_CANARY = "canary-graph-token-7d41e2";
  private static final PrivateKey KEY = privateKey(read("reliability/token-signing-key.pem"));

  private ReliabilityRun() {}

  static int count() {
    return Integer.getInteger("reliability.count", 10_000);
  }

  /** A token the server trusts: right key, right issuer, valid for an hour. */
  static String token(String tenant, String... groups) {
    return JwtSigner.sign(KEY, ISSUER, "tenant", tenant, "reliability.user", List.of(groups), Instant.now(),
        Duration.ofHours(1));
  }

  static String expiredToken(String tenant, String... groups) {
    return JwtSigner.sign(KEY, ISSUER, "tenant", tenant, "reliability.user", List.of(groups),
        Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1));
  }

  static String wrongIssuerToken(String tenant, String... groups) {
    return JwtSigner.sign(KEY, "https://attacker.example", "tenant", tenant, "reliability.user", List.of(groups),
        Instant.now(), Duration.ofHours(1));
  }

  static String wrongKeyToken(String tenant, String... groups) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return JwtSigner.sign(generator.generateKeyPair().getPrivate(), ISSUER, "tenant", tenant, "reliability.user",
          List.of(groups), Instant.now(), Duration.ofHours(1));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The claims of a valid token under an {@code alg=none} header and no signature. */
  static String unsignedToken(String tenant, String... groups) {
    String valid = token(tenant, groups);
    String header = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    return header + "." + valid.split("\\.")[1] + ".";
  }

  static Connection database() throws SQLException {
    return DriverManager.getConnection(System.getProperty("it.pg.url"), System.getProperty("test.pg.user", "postgres"),
        "");
  }

  static long count(Connection db, String sql, Object... parameters) throws SQLException {
    try (var statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (var rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  static void figure(String test, String name, Object value) {
    System.out.printf("RELIABILITY %s %s = %s%n", test, name, value);
  }

  private static String read(String resource) {
    try (InputStream in = ReliabilityRun.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the test class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PrivateKey privateKey(String pem) {
    try {
      byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
