package dev.crm.whatsapp.providers.sandbox;

import dev.crm.whatsapp.api.provider.MessagingProvider;
import dev.crm.whatsapp.api.provider.OutboundMessage;
import dev.crm.whatsapp.api.provider.SendOutcome;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Accepts sends with a {@code wamid.}-like id, then has {@link SandboxWebhooks} report them delivered and
 * read after the configured delays, through the real webhook endpoint. A configurable share of sends fails
 * with Cloud API error codes ({@link SandboxOutcomes}), each the way Meta reports it: an error response at
 * once, or an accepted send followed by a {@code failed} status webhook carrying {@code errors[].code}. An
 * optional latency delays every answer.
 */
@ApplicationScoped
public class SandboxProvider implements MessagingProvider {
  public static final String TYPE = "sandbox";

  @Inject SandboxWebhooks webhooks;

  @Inject
  @ConfigProperty(name = "wa.sandbox.delivered-after", defaultValue = "PT1S")
  Duration deliveredAfter;

  @Inject
  @ConfigProperty(name = "wa.sandbox.read-after", defaultValue = "PT2S")
  Duration readAfter;

  @Inject
  @ConfigProperty(name = "wa.sandbox.outcomes")
  Optional<String> outcomesSpec;

  @Inject
  @ConfigProperty(name = "wa.sandbox.seed", defaultValue = "0")
  long seed;

  @Inject
  @ConfigProperty(name = "wa.sandbox.latency-ms", defaultValue = "0")
  long latencyMillis;

  private SandboxOutcomes outcomes;
  /** Refused attempts per message not yet accepted, so that a retry rolls again (only refused ones are held). */
  private final Map<String, Integer> refusedAttempts = new ConcurrentHashMap<>();

  @PostConstruct
  void readOutcomes() {
    outcomes = SandboxOutcomes.parse(outcomesSpec.orElse(""), seed);
  }

  @Override
  public String type() {
    return TYPE;
  }

  /**
   * The error title Meta gives a code (its error-code reference), so that what the plugin records from the
   * sandbox reads as it will in production: the title, then the policy's own meaning of the code.
   */
  static String titleOf(int code) {
    return switch (code) {
      case 130429 -> "Rate limit hit";
      case 131056 -> "(Business Account, Consumer Account) pair rate limit hit";
      case 131048 -> "Spam rate limit hit";
      case 131049 -> "This message was not delivered to maintain healthy ecosystem engagement.";
      case 131050 -> "User stopped marketing messages";
      case 131047 -> "Re-engagement message";
      case 131026 -> "Message undeliverable";
      case 131053 -> "Media upload error";
      case 131000 -> "Something went wrong";
      case 131016 -> "Service unavailable";
      case 132015 -> "Template is paused";
      case 132016 -> "Template is disabled";
      case 368 -> "Temporarily blocked for policies violations";
      case 190 -> "Access token has expired";
      default -> "Sandbox failure " + code;
    };
  }

  @Override
  public SendOutcome send(OutboundMessage message) {
    if (latencyMillis > 0 && !pause(latencyMillis)) {
      return new SendOutcome.Uncertain("interrupted while the sandbox was answering");
    }
    String sendId = message.callbackData();
    Optional<Integer> failure = outcomes.failureOf(sendId, refusedAttempts.getOrDefault(sendId, 0));
    if (failure.isPresent() && !SandboxOutcomes.reportedByWebhook(failure.get())) {
      refusedAttempts.merge(sendId, 1, Integer::sum);
      return new SendOutcome.Rejected(failure.get(), titleOf(failure.get()), true);
    }
    refusedAttempts.remove(sendId);
    String id = "wamid.SANDBOX" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    if (failure.isPresent()) {
      webhooks.reportFailed(message, id, failure.get(), titleOf(failure.get()), deliveredAfter);
      return new SendOutcome.Accepted(id);
    }
    webhooks.report(message, id, "delivered", deliveredAfter);
    webhooks.report(message, id, "read", readAfter);
    return new SendOutcome.Accepted(id);
  }

  private static boolean pause(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** For tests outside the container. */
  static SandboxProvider over(SandboxWebhooks webhooks, String outcomes, long seed, long latencyMillis) {
    SandboxProvider provider = new SandboxProvider();
    provider.webhooks = webhooks;
    provider.outcomesSpec = Optional.of(outcomes);
    provider.seed = seed;
    provider.latencyMillis = latencyMillis;
    provider.deliveredAfter = Duration.ofSeconds(1);
    provider.readAfter = Duration.ofSeconds(2);
    provider.readOutcomes();
    return provider;
  }
}
