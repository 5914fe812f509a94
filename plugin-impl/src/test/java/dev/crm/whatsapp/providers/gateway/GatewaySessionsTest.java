package dev.crm.whatsapp.providers.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.whatsapp.testing.WahaStub;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading a WAHA session's state and QR code over real HTTP from the local WAHA stub. */
class GatewaySessionsTest {
  private static WahaStub stub;
  private static GatewaySessions sessions;

  @BeforeAll
  static void startStub() {
    stub = WahaStub.start(0, "k");
    sessions = GatewaySessions.over(new WahaClient(Duration.ofSeconds(2), Duration.ofSeconds(2)));
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  private static GatewayConfig gateway(String session, String key) {
    return new GatewayConfig(stub.baseUrl().resolve("/"), Optional.of(key), session, Optional.empty());
  }

  @Test
  void aWorkingSessionReportsItsLinkedNumber() {
    stub.session("working", "WORKING");

    GatewaySessions.State state = sessions.state(gateway("working", "k"));

    assertThat(state).isEqualTo(new GatewaySessions.State("WORKING", "6281100000000@c.us", null));
    assertThat(state.working()).isTrue();
  }

  @Test
  void aSessionWaitingForAScanGivesItsQrAsPngOrRawValue() {
    stub.session("linking", "SCAN_QR_CODE");

    assertThat(sessions.state(gateway("linking", "k")).status()).isEqualTo("SCAN_QR_CODE");
    assertThat(sessions.qr(gateway("linking", "k"), true))
        .hasValueSatisfying(qr -> assertThat(((GatewaySessions.Qr.Png) qr).bytes()).isEqualTo(WahaStub.PNG));
    assertThat(sessions.qr(gateway("linking", "k"), false)).contains(new GatewaySessions.Qr.Value(WahaStub.QR_VALUE));
  }

  @Test
  void aLinkedSessionHasNoQrCode() {
    stub.session("linked", "WORKING");

    assertThat(sessions.qr(gateway("linked", "k"), true)).isEmpty();
    assertThat(sessions.qr(gateway("linked", "k"), false)).isEmpty();
  }

  @Test
  void anUnknownSessionOrWrongKeySaysWhyWithoutAStatus() {
    assertThat(sessions.state(gateway("nobody", "k")))
        .isEqualTo(new GatewaySessions.State("UNREACHABLE", null, "the gateway has no session nobody"));
    assertThat(sessions.state(gateway("default", "wrong")).problem()).isEqualTo("the gateway refused the API key");
  }

  @Test
  void credentialsJsonRoundTripsAndNamesWhatIsWrong() {
    GatewayConfig config = GatewayConfig.parse(
        "{\"baseUrl\":\"http://waha:3000\",\"apiKey\":\"a\",\"session\":\"s1\",\"webhookHmacKey\":\"h\"}");

    assertThat(GatewayConfig.parse(config.toJson())).isEqualTo(config);
    assertThat(config.toString()).doesNotContain("\"a\"", "h]");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GatewayConfig.parse("{\"session\":\"s\"}"))
        .hasMessage("need baseUrl");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GatewayConfig.parse("{\"baseUrl\":\"ftp://x\"}"))
        .hasMessage("baseUrl is an http or https URL");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GatewayConfig.parse("not json"))
        .hasMessageContaining("JSON object");
  }
}
