package dev.crm.whatsapp.providers.sandbox;

import dev.crm.whatsapp.api.provider.OutboundMessage;
import dev.crm.whatsapp.webhooks.WebhookSecrets;
import dev.crm.whatsapp.webhooks.WebhookSignature;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts the sandbox's status webhooks over HTTP to the plugin's own webhook URL, signed with the app
 * secret as Meta signs them, so that the demo exercises exactly the path real webhooks take.
 */
@ApplicationScoped
public class SandboxWebhooks {
  private static final Logger LOG = Logger.getLogger(SandboxWebhooks.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject WebhookSecrets secrets;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "wa.base-url", defaultValue = "http://localhost:8080/whatsapp")
  String baseUrl;

  private HttpClient http;
  private URI target;

  @PostConstruct
  void start() {
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    target = URI.create(baseUrl.replaceAll("/+$", "") + "/api/v1/webhooks/whatsapp");
  }

  void report(OutboundMessage message, String providerMessageId, String status, Duration after) {
    scheduler.schedule(() -> post(status, SandboxStatusPayload.status(message.senderId(), providerMessageId, status,
        message.to().digits(), message.callbackData(), clock.instant())), after.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A {@code failed} status with {@code errors[].code}, as Meta reports an accepted send it could not deliver. */
  void reportFailed(OutboundMessage message, String providerMessageId, int code, String title, Duration after) {
    scheduler.schedule(() -> post("failed", SandboxStatusPayload.failed(message.senderId(), providerMessageId,
        message.to().digits(), message.callbackData(), code, title, clock.instant())), after.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void post(String status, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    byte[] secret = secrets.appSecret().orElse(new byte[0]);
    HttpRequest request = HttpRequest.newBuilder(target)
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("X-Hub-Signature-256", WebhookSignature.sign(secret, body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    try {
      HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
      if (answer.statusCode() != 200) {
        LOG.warning(() -> "Sandbox webhook '" + status + "' answered " + answer.statusCode() + " at " + target);
      }
    } catch (java.io.IOException e) {
      LOG.warning(() -> "Sandbox webhook '" + status + "' could not reach " + target + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
