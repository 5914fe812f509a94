package dev.crm.whatsapp.providers.sandbox;

import dev.crm.whatsapp.api.provider.MessagingProvider;
import dev.crm.whatsapp.api.provider.OutboundMessage;
import dev.crm.whatsapp.api.provider.SendOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Accepts every send at once with a {@code wamid.}-like id, then has {@link SandboxWebhooks} report it
 * delivered and read after the configured delays, through the real webhook endpoint.
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

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public SendOutcome send(OutboundMessage message) {
    String id = "wamid.SANDBOX" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    webhooks.report(message, id, "delivered", deliveredAfter);
    webhooks.report(message, id, "read", readAfter);
    return new SendOutcome.Accepted(id);
  }
}
