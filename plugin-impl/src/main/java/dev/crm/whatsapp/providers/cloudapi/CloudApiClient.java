package dev.crm.whatsapp.providers.cloudapi;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The HTTP calls to the Graph API, guarded by MicroProfile Fault Tolerance: a circuit breaker that opens
 * after repeated I/O failures (the Graph API unreachable) and a bulkhead bounding concurrent calls. There
 * is deliberately no {@code @Retry}: a send is not idempotent. The send's time limit is the HTTP client's
 * own (connect timeout {@code wa.cloudapi.connect-timeout}, request timeout
 * {@code wa.cloudapi.request-timeout}), not {@code @Timeout}: Payara runs a {@code @Timeout} method's
 * watchdog as a managed task whose context capture searched the application's jars on every call, 15 % of
 * the dispatch path's CPU (docs/architecture.md); the client's limits also tell a connection never made
 * (provably not sent) from an answer that never came (uncertain). Annotation values can be overridden by
 * MicroProfile Config, e.g. {@code dev.crm.whatsapp.providers.cloudapi.CloudApiClient/post/Bulkhead/value=128}.
 */
@ApplicationScoped
public class CloudApiClient {

  @Inject CloudApiSettings settings;

  private HttpClient http;

  @PostConstruct
  void start() {
    // HTTP/1.1: the JDK client never repeats a POST on its own (only GET/HEAD are retried). Its own
    // tasks run on the thread that completes them (the caller's, or the client's selector thread) rather
    // than hopping to a pool: a third of the client's CPU per call (measured, docs/performance.md).
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout())
        .executor(Runnable::run).build();
  }

  @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
      successThreshold = 2, failOn = IOException.class)
  @Bulkhead(64)
  public HttpResponse<String> post(URI uri, String accessToken, String json) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(settings.requestTimeout())
        .header("Authorization", "Bearer " + accessToken)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Timeout(value = 15, unit = ChronoUnit.SECONDS)
  public HttpResponse<String> get(URI uri, String accessToken) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(settings.requestTimeout())
        .header("Authorization", "Bearer " + accessToken)
        .GET()
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** For tests outside the container, without the interceptors. */
  static CloudApiClient over(CloudApiSettings settings) {
    CloudApiClient client = new CloudApiClient();
    client.settings = settings;
    client.start();
    return client;
  }
}
