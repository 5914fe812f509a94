import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What bench/production.sh needs of the host's side, JDK only (run from source: {@code java
 * bench/ProductionToken.java ...}):
 * <ul>
 *   <li>{@code token KEY.pem ISSUER TENANT USER GROUP[,GROUP...]}: an RS256 token valid for an hour, in the
 *       shape the host issues and {@code dev.crm.whatsapp.security.JwtSigner} signs (iss, sub, upn, tenant,
 *       groups, iat, exp, jti), so that production mode sees what it would see from the host;</li>
 *   <li>{@code public-key KEY.pem}: the matching public key as a PEM file's text, derived from the private key
 *       so that the key the server verifies with cannot drift from the one the tokens are signed with;</li>
 *   <li>{@code sign SECRET_FILE BODY_FILE}: {@code sha256=<hex>}, the X-Hub-Signature-256 Meta sends, so that
 *       the secret never appears on a command line.</li>
 * </ul>
 */
public final class ProductionToken {
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  public static void main(String[] args) throws Exception {
    switch (args.length == 0 ? "" : args[0]) {
      case "token" -> System.out.println(token(privateKey(Path.of(args[1])), args[2], args[3], args[4], args[5].split(",")));
      case "public-key" -> System.out.print(publicKeyPem(privateKey(Path.of(args[1]))));
      case "sign" -> System.out.println(sign(secret(Path.of(args[1])), Files.readAllBytes(Path.of(args[2]))));
      default -> {
        System.err.println("usage: token KEY.pem ISSUER TENANT USER GROUPS | public-key KEY.pem | sign SECRET_FILE BODY_FILE");
        System.exit(2);
      }
    }
  }

  static String token(RSAPrivateCrtKey key, String issuer, String tenant, String user, String[] groups)
      throws Exception {
    long now = Instant.now().getEpochSecond();
    StringBuilder groupArray = new StringBuilder();
    for (String group : groups) {
      groupArray.append(groupArray.length() == 0 ? "" : ",").append(quote(group));
    }
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    String claims = "{\"iss\":" + quote(issuer) + ",\"sub\":" + quote(user) + ",\"upn\":" + quote(user)
        + ",\"tenant\":" + quote(tenant) + ",\"groups\":[" + groupArray + "],\"iat\":" + now
        + ",\"exp\":" + (now + 3600) + ",\"jti\":" + quote(UUID.randomUUID().toString()) + "}";
    String unsigned = encode(header) + "." + encode(claims);
    java.security.Signature signature = java.security.Signature.getInstance("SHA256withRSA");
    signature.initSign(key);
    signature.update(unsigned.getBytes(StandardCharsets.US_ASCII));
    return unsigned + "." + URL.encodeToString(signature.sign());
  }

  static String publicKeyPem(RSAPrivateCrtKey key) throws Exception {
    byte[] der = KeyFactory.getInstance("RSA")
        .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())).getEncoded();
    return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
  }

  static String sign(String secret, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    StringBuilder hex = new StringBuilder("sha256=");
    for (byte b : mac.doFinal(body)) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }

  /** A secret file read as the server reads it (SecretFilesConfigSource): one trailing line break dropped. */
  private static String secret(Path file) throws Exception {
    String value = Files.readString(file, StandardCharsets.UTF_8);
    return value.endsWith("\r\n") ? value.substring(0, value.length() - 2)
        : value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
  }

  private static RSAPrivateCrtKey privateKey(Path pem) throws Exception {
    byte[] der = Base64.getMimeDecoder().decode(Files.readString(pem).replaceAll("-----[A-Z ]+-----", ""));
    return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  private static String encode(String json) {
    return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Names, tenants and groups of this bench are plain words: only quotes and backslashes need escaping. */
  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
