package dev.crm.whatsapp.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WAHA's webhook signature: {@code X-Webhook-Hmac} is the hex HMAC-SHA512 of the raw body under the
 * session's {@code hmac.key}, with {@code X-Webhook-Hmac-Algorithm: sha512}. Checked over the bytes as
 * received, in constant time, before anything is parsed.
 */
public final class GatewayWebhookSignature {
  public static final String HEADER = "X-Webhook-Hmac";
  public static final String ALGORITHM_HEADER = "X-Webhook-Hmac-Algorithm";

  private GatewayWebhookSignature() {}

  /** True only for a hex signature that matches, with no algorithm or {@code sha512} named. */
  public static boolean isValid(String key, byte[] body, String header, String algorithm) {
    if (key == null || key.isEmpty() || header == null || algorithm != null && !"sha512".equalsIgnoreCase(algorithm)) {
      return false;
    }
    byte[] claimed;
    try {
      claimed = HexFormat.of().parseHex(header.trim());
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(hmac(key, body), claimed);
  }

  /** The header value WAHA sends for {@code body}. */
  public static String sign(String key, byte[] body) {
    return HexFormat.of().formatHex(hmac(key, body));
  }

  private static byte[] hmac(String key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA512 is missing from this JVM", e);
    }
  }
}
