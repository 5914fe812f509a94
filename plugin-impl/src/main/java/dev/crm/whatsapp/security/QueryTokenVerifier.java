package dev.crm.whatsapp.security;

import dev.crm.whatsapp.platform.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a token given in the query string, which the container's MicroProfile JWT mechanism does not
 * read (Payara reads only the Authorization header or one cookie). It checks what the container checks
 * with the same configuration: an RS256 signature by {@code mp.jwt.verify.publickey} (or
 * {@code .location}), the issuer {@code mp.jwt.verify.issuer}, and expiry with
 * {@code mp.jwt.verify.clock.skew} seconds of leeway (60 by default).
 */
@ApplicationScoped
public class QueryTokenVerifier {
  @Inject Config config;
  @Inject Clock clock;

  public Optional<JsonWebToken> verify(String raw) {
    try {
      String[] parts = raw.split("\\.");
      if (parts.length != 3) {
        return Optional.empty();
      }
      JsonObject header = json(parts[0]);
      if (!"RS256".equals(header.getString("alg", ""))) {
        return Optional.empty();
      }
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initVerify(publicKey());
      signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
        return Optional.empty();
      }
      JsonObject claims = json(parts[1]);
      long skew = config.getOptionalValue("mp.jwt.verify.clock.skew", Long.class).orElse(60L);
      long now = clock.instant().getEpochSecond();
      boolean fresh = claims.containsKey("exp") && claims.getJsonNumber("exp").longValue() + skew >= now;
      boolean issuer = config.getOptionalValue("mp.jwt.verify.issuer", String.class)
          .map(expected -> expected.equals(claims.getString("iss", null))).orElse(false);
      return fresh && issuer ? Optional.of(new Token(raw, claims)) : Optional.empty();
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private PublicKey publicKey() throws IOException, GeneralSecurityException {
    Optional<String> pem = config.getOptionalValue("mp.jwt.verify.publickey", String.class);
    String text = pem.isPresent() ? pem.get() : read(config.getValue("mp.jwt.verify.publickey.location", String.class));
    String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  private static String read(String location) throws IOException {
    if (location.contains(":") && !location.startsWith("file:") && location.indexOf(':') > 1) {
      try (InputStream in = new URL(location).openStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    Path file = Path.of(location.replaceFirst("^file:", ""));
    if (Files.exists(file)) {
      return Files.readString(file);
    }
    try (InputStream in = QueryTokenVerifier.class.getClassLoader().getResourceAsStream(location.replaceFirst("^/", ""))) {
      if (in == null) {
        throw new IOException("no key at " + location);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static JsonObject json(String base64Url) {
    String text = new String(Base64.getUrlDecoder().decode(base64Url), StandardCharsets.UTF_8);
    try (var reader = Jsonp.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  /** The verified token's claims, as the container's token offers them. */
  private record Token(String raw, JsonObject claims) implements JsonWebToken {
    @Override
    public String getName() {
      return claims.getString("upn", claims.getString("preferred_username", claims.getString("sub", null)));
    }

    @Override
    public Set<String> getClaimNames() {
      return claims.keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
      if ("raw_token".equals(name)) {
        return (T) raw;
      }
      JsonValue value = claims.get(name);
      if (value instanceof JsonString s) {
        return (T) s.getString();
      }
      if (value instanceof JsonNumber n) {
        return (T) Long.valueOf(n.longValue());
      }
      if (value instanceof JsonArray a) {
        return (T) a.stream().map(v -> v instanceof JsonString s ? s.getString() : v.toString())
            .collect(Collectors.toSet());
      }
      return (T) value;
    }
  }
}
