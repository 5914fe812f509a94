package dev.crm.whatsapp.security;

import dev.crm.whatsapp.platform.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.UUID;

/**
 * Signs RS256 tokens in the shape MicroProfile JWT verifies. Only demo tokens are signed here; in
 * production the host issues tokens.
 */
public final class JwtSigner {
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private JwtSigner() {}

  public static String sign(PrivateKey key, String issuer, String tenantClaim, String tenant, String user,
      Collection<String> groups, Instant now, Duration lifetime) {
    JsonArrayBuilder groupArray = Jsonp.createArrayBuilder();
    groups.forEach(groupArray::add);
    JsonObject header = Jsonp.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build();
    JsonObject claims = Jsonp.createObjectBuilder()
        .add("iss", issuer)
        .add("sub", user)
        .add("upn", user)
        .add(tenantClaim, tenant)
        .add("groups", groupArray)
        .add("iat", now.getEpochSecond())
        .add("exp", now.plus(lifetime).getEpochSecond())
        .add("jti", UUID.randomUUID().toString())
        .build();
    String unsigned = encode(header.toString()) + "." + encode(claims.toString());
    return unsigned + "." + URL.encodeToString(rs256(key, unsigned));
  }

  private static String encode(String json) {
    return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] rs256(PrivateKey key, String content) {
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(content.getBytes(StandardCharsets.US_ASCII));
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }
}
