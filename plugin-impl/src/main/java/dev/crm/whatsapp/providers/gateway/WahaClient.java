package dev.crm.whatsapp.providers.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The HTTP calls to a WAHA server, with its {@code X-Api-Key}, guarded like the Cloud API's: the HTTP
 * client's own connect and request timeouts on a send (not {@code @Timeout}, see {@code CloudApiClient}), a
 * circuit breaker on I/O failures, a bulkhead, and deliberately no retry (a send is not idempotent).
 */
@ApplicationScoped
public class WahaClient {

  private final HttpClient http;
  private final Duration requestTimeout;

  @Inject
  public WahaClient(
      @ConfigProperty(name = "wa.gateway.connect-timeout", defaultValue = "PT3S") Duration connectTimeout,
      @ConfigProperty(name = "wa.gateway.request-timeout", defaultValue = "PT20S") Duration requestTimeout) {
    // HTTP/1.1: the JDK client never repeats a POST on its own.
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    this.requestTimeout = requestTimeout;
  }

  /** For CDI's proxy. */
  protected WahaClient() {
    this(Duration.ofSeconds(3), Duration.ofSeconds(20));
  }

  @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
      successThreshold = 2, failOn = IOException.class)
  @Bulkhead(32)
  public HttpResponse<String> post(GatewayConfig gateway, String path, String json)
      throws IOException, InterruptedException {
    HttpRequest request = request(gateway, gateway.api(path))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A GET answered as bytes (a QR code may be an image), accepting {@code accept}. */
  @Timeout(value = 30, unit = ChronoUnit.SECONDS)
  public HttpResponse<byte[]> get(GatewayConfig gateway, String pathAndQuery, String accept)
      throws IOException, InterruptedException {
    HttpRequest request = request(gateway, gateway.api(pathAndQuery)).header("Accept", accept).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder request(GatewayConfig gateway, URI uri) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(requestTimeout);
    gateway.apiKey().ifPresent(key -> builder.header("X-Api-Key", key));
    return builder;
  }
}
