package dev.crm.whatsapp.providers.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A WAHA session's state ({@code GET /api/sessions/{session}}) and the QR code that links a phone to it
 * ({@code GET /api/{session}/auth/qr}, as a PNG or as the raw value to draw).
 */
@ApplicationScoped
public class GatewaySessions {

  /**
   * A session's state.
   *
   * @param status STOPPED, STARTING, SCAN_QR_CODE, WORKING or FAILED; {@code UNREACHABLE} when the gateway
   *     could not be asked
   * @param me the linked WhatsApp id ({@code <digits>@c.us}) when WORKING
   * @param problem why the gateway could not be asked; {@code null} when it answered
   */
  public record State(String status, String me, String problem) {
    public boolean working() {
      return "WORKING".equals(status);
    }
  }

  /** A QR code: a PNG, or the value to encode, as the gateway gave it. */
  public sealed interface Qr {
    record Png(byte[] bytes) implements Qr {}
    record Value(String value) implements Qr {}
  }

  @Inject WahaClient client;

  public State state(GatewayConfig gateway) {
    try {
      HttpResponse<byte[]> answer = client.get(gateway, "sessions/" + gateway.session(), "application/json");
      String body = new String(answer.body(), StandardCharsets.UTF_8);
      if (answer.statusCode() == 401 || answer.statusCode() == 403) {
        return new State("UNREACHABLE", null, "the gateway refused the API key");
      }
      if (answer.statusCode() == 404) {
        return new State("UNREACHABLE", null, "the gateway has no session " + gateway.session());
      }
      Optional<JsonObject> json = WahaAnswer.object(body);
      if (answer.statusCode() != 200 || json.flatMap(j -> WahaAnswer.text(j, "status")).isEmpty()) {
        return new State("UNREACHABLE", null, "the gateway answered HTTP " + answer.statusCode());
      }
      String me = json.get().get("me") instanceof JsonObject m ? WahaAnswer.text(m, "id").orElse(null) : null;
      return new State(WahaAnswer.text(json.get(), "status").get(), me, null);
    } catch (IOException | RuntimeException e) {
      return new State("UNREACHABLE", null, "the gateway could not be reached: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new State("UNREACHABLE", null, "interrupted");
    }
  }

  /**
   * The session's current QR code, {@code png} as an image, else its raw value; empty when the gateway has
   * none to give (the session is not waiting for a scan).
   */
  public Optional<Qr> qr(GatewayConfig gateway, boolean png) {
    String path = gateway.session() + "/auth/qr?format=" + (png ? "image" : "raw");
    try {
      HttpResponse<byte[]> answer = client.get(gateway, path, png ? "image/png" : "application/json");
      if (answer.statusCode() != 200) {
        return Optional.empty();
      }
      if (png) {
        return isPng(answer.body()) ? Optional.of(new Qr.Png(answer.body())) : Optional.empty();
      }
      return WahaAnswer.object(new String(answer.body(), StandardCharsets.UTF_8))
          .flatMap(j -> WahaAnswer.text(j, "value")).map(Qr.Value::new);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static boolean isPng(byte[] bytes) {
    return bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
  }

  /** For tests outside the container. */
  static GatewaySessions over(WahaClient client) {
    GatewaySessions sessions = new GatewaySessions();
    sessions.client = client;
    return sessions;
  }
}
