package dev.crm.whatsapp.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final byte[] SECRET = "app-secret-for-tests".getBytes(UTF_8);
  private static final byte[] BODY =
      "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(UTF_8);

  @Test
  void signatureOverTheRawBodyWithTheAppSecretIsAccepted() {
    String header = "sha256=" + hmacHex(SECRET, BODY);

    assertThat(WebhookSignature.isValid(Optional.of(SECRET), BODY, header)).isTrue();
  }

  @Test
  void signMakesTheHeaderMetaSends() {
    assertThat(WebhookSignature.sign(SECRET, BODY)).isEqualTo("sha256=" + hmacHex(SECRET, BODY));
  }

  @Test
  void upperCaseHexIsAccepted() {
    String header = "sha256=" + hmacHex(SECRET, BODY).toUpperCase();

    assertThat(WebhookSignature.isValid(Optional.of(SECRET), BODY, header)).isTrue();
  }

  @Test
  void signatureMadeWithAnotherSecretIsRefused() {
    String forged = WebhookSignature.sign("someone-elses-secret".getBytes(UTF_8), BODY);

    assertThat(WebhookSignature.isValid(Optional.of(SECRET), BODY, forged)).isFalse();
  }

  @Test
  void bodyChangedByOneByteIsRefused() {
    String header = WebhookSignature.sign(SECRET, BODY);
    byte[] tampered = BODY.clone();
    tampered[tampered.length - 2] ^= 1;

    assertThat(WebhookSignature.isValid(Optional.of(SECRET), tampered, header)).isFalse();
  }

  @Test
  void legacySha1HeaderAloneIsRefused() {
    String sha1Header = "sha1=" + hmacHex(SECRET, BODY).substring(0, 40);

    assertThat(WebhookSignature.isValid(Optional.of(SECRET), BODY, sha1Header)).isFalse();
  }

  @Test
  void correctHexWithoutItsPrefixIsRefused() {
    assertThat(WebhookSignature.isValid(Optional.of(SECRET), BODY, hmacHex(SECRET, BODY))).isFalse();
  }

  @Test
  void missingHeaderIsRefused() {
    assertThat(WebhookSignature.isValid(Optional.of(SECRET), BODY, null)).isFalse();
    assertThat(WebhookSignature.isValid(Optional.of(SECRET), BODY, "")).isFalse();
  }

  @Test
  void malformedHexIsRefused() {
    assertThat(WebhookSignature.isValid(Optional.of(SECRET), BODY, "sha256=not-hex-at-all")).isFalse();
    assertThat(WebhookSignature.isValid(Optional.of(SECRET), BODY, "sha256=abc")).isFalse();
    assertThat(WebhookSignature.isValid(Optional.of(SECRET), BODY, "sha256=")).isFalse();
  }

  @Test
  void truncatedSignatureIsRefused() {
    String header = WebhookSignature.sign(SECRET, BODY);

    assertThat(WebhookSignature.isValid(Optional.of(SECRET), BODY, header.substring(0, header.length() - 2)))
        .isFalse();
  }

  @Test
  void withoutAConfiguredSecretEveryRequestIsRefused() {
    String header = WebhookSignature.sign(SECRET, BODY);

    assertThat(WebhookSignature.isValid(Optional.empty(), BODY, header)).isFalse();
  }

  @Test
  void secretsWithoutAnAppSecretFailClosed() {
    WebhookSecrets unconfigured = WebhookSecrets.of(null, null);

    assertThat(unconfigured.appSecret()).isEmpty();
    assertThat(WebhookSignature.isValid(unconfigured.appSecret(), BODY, WebhookSignature.sign(new byte[1], BODY)))
        .isFalse();
  }

  /** An independent HMAC, so the test does not check the code against itself. */
  private static String hmacHex(byte[] secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
