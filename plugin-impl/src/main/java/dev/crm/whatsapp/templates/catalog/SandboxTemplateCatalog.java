package dev.crm.whatsapp.templates.catalog;

import dev.crm.whatsapp.platform.Jsonp;
import dev.crm.whatsapp.templates.TemplateDefinition;
import dev.crm.whatsapp.templates.TemplateQuality;
import dev.crm.whatsapp.templates.TemplateStatus;
import dev.crm.whatsapp.webhooks.WebhookSecrets;
import dev.crm.whatsapp.webhooks.WebhookSignature;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An in-process stand-in for Meta's template review: a submission is PENDING, and after
 * {@code wa.templates.sandbox.decision-after} it is approved, or rejected when its name or body contains
 * {@code wa.templates.sandbox.reject-word}; one whose name or body contains {@code wa.templates.sandbox.refuse-word}
 * is refused at once, as Meta refuses a submission that breaks its rules outright (a 400 to the create call,
 * not a later rejection); one containing {@code wa.templates.sandbox.pause-word} is approved and, as long again
 * later, paused for low quality, as Meta pauses a template people block or report. The decision arrives as a signed
 * {@code message_template_status_update} webhook, the way Meta's does, and is also what {@link #list()}
 * reports, so a sync reaches the same state.
 */
@ApplicationScoped
public class SandboxTemplateCatalog implements TemplateCatalog {
  private static final Logger LOG = Logger.getLogger(SandboxTemplateCatalog.class.getName());
  private static final String APPROVED_PREFIX = "sandbox-tpl-a-";
  private static final String REJECTED_PREFIX = "sandbox-tpl-r-";
  private static final String PAUSED_PREFIX = "sandbox-tpl-p-";

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject WebhookSecrets secrets;

  @Inject
  @ConfigProperty(name = "wa.templates.sandbox.decision-after", defaultValue = "PT3S")
  Duration decisionAfter;

  @Inject
  @ConfigProperty(name = "wa.templates.sandbox.reject-word", defaultValue = "reject")
  String rejectWord;

  @Inject
  @ConfigProperty(name = "wa.templates.sandbox.refuse-word", defaultValue = "refuse")
  String refuseWord;

  @Inject
  @ConfigProperty(name = "wa.templates.sandbox.pause-word", defaultValue = "lowquality")
  String pauseWord;

  @Inject
  @ConfigProperty(name = "wa.base-url", defaultValue = "http://localhost:8080/whatsapp")
  String baseUrl;

  private final Map<String, RemoteTemplate> held = new ConcurrentHashMap<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public String type() {
    return "sandbox";
  }

  @Override
  public Submission submit(TemplateDefinition template, Optional<String> existingId) {
    if (contains(refuseWord, template.name()) || contains(refuseWord, template.body())) {
      throw new CatalogException("Meta refused the template: its content does not follow the WhatsApp Business"
          + " messaging policy (the sandbox refuses any template containing '" + refuseWord + "')", true, null);
    }
    boolean reject = contains(rejectWord, template.name()) || contains(rejectWord, template.body());
    boolean pause = contains(pauseWord, template.name()) || contains(pauseWord, template.body());
    // The decision is part of the id, so that it survives a restart before it was announced (see find).
    String id = (reject ? REJECTED_PREFIX : pause ? PAUSED_PREFIX : APPROVED_PREFIX) + UUID.randomUUID();
    held.put(id, new RemoteTemplate(id, TemplateStatus.PENDING, null, TemplateQuality.UNKNOWN, template));
    RemoteTemplate decided = decision(id, template);
    long after = decisionAfter.toMillis();
    if (decided.status() == TemplateStatus.PAUSED) {
      RemoteTemplate approved = approved(id, template);
      scheduler.schedule(() -> decide(approved), after, TimeUnit.MILLISECONDS);
      after *= 2;
    }
    scheduler.schedule(() -> decide(decided), after, TimeUnit.MILLISECONDS);
    return new Submission(id, TemplateStatus.PENDING);
  }

  @Override
  public List<RemoteTemplate> list() {
    return List.copyOf(held.values());
  }

  /** What the sandbox holds, or, for an id from before a restart, its decision, with no content. */
  @Override
  public Optional<RemoteTemplate> find(String providerId) {
    RemoteTemplate known = held.get(providerId);
    if (known != null) {
      return Optional.of(known);
    }
    return providerId.startsWith(APPROVED_PREFIX) || providerId.startsWith(REJECTED_PREFIX)
        || providerId.startsWith(PAUSED_PREFIX) ? Optional.of(decision(providerId, null)) : Optional.empty();
  }

  private static RemoteTemplate decision(String id, TemplateDefinition template) {
    if (id.startsWith(REJECTED_PREFIX)) {
      return new RemoteTemplate(id, TemplateStatus.REJECTED, "INVALID_FORMAT", TemplateQuality.UNKNOWN, template);
    }
    return id.startsWith(PAUSED_PREFIX)
        ? new RemoteTemplate(id, TemplateStatus.PAUSED, "Low quality: recipients blocked or reported it",
            TemplateQuality.RED, template)
        : approved(id, template);
  }

  private static RemoteTemplate approved(String id, TemplateDefinition template) {
    return new RemoteTemplate(id, TemplateStatus.APPROVED, null, TemplateQuality.GREEN, template);
  }

  @Override
  public void delete(String providerId, String name) {
    held.remove(providerId);
  }

  private static boolean contains(String word, String text) {
    return text != null && !word.isBlank() && text.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT));
  }

  private void decide(RemoteTemplate decided) {
    held.put(decided.providerId(), decided);
    byte[] body = webhook(decided).getBytes(StandardCharsets.UTF_8);
    URI target = URI.create(baseUrl.replaceAll("/+$", "") + "/api/v1/webhooks/whatsapp");
    HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("X-Hub-Signature-256", WebhookSignature.sign(secrets.appSecret().orElse(new byte[0]), body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    try {
      HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
      if (answer.statusCode() != 200) {
        LOG.warning(() -> "Sandbox template webhook answered " + answer.statusCode() + " at " + target);
      }
    } catch (IOException e) {
      LOG.warning(() -> "Sandbox template webhook could not reach " + target + "; the next sync applies it");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Meta's {@code message_template_status_update} change for the decision. */
  static String webhook(RemoteTemplate decided) {
    return Jsonp.createObjectBuilder()
        .add("object", "whatsapp_business_account")
        .add("entry", Jsonp.createArrayBuilder().add(Jsonp.createObjectBuilder()
            .add("id", "sandbox-waba")
            .add("time", 0)
            .add("changes", Jsonp.createArrayBuilder().add(Jsonp.createObjectBuilder()
                .add("field", "message_template_status_update")
                .add("value", Jsonp.createObjectBuilder()
                    .add("event", decided.status().name())
                    .add("message_template_id", decided.providerId())
                    .add("message_template_name", decided.definition().name())
                    .add("message_template_language", decided.definition().language())
                    .add("reason", decided.reason() == null ? "NONE" : decided.reason()))))))
        .build().toString();
  }
}
