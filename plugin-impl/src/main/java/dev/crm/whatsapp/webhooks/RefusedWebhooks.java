package dev.crm.whatsapp.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts refused webhook POSTs by reason ({@code invalid_signature}, {@code no_secret},
 * {@code too_large}) as the application metric {@code wa_webhook_refused_total}: a rising count means a
 * wrong app secret or someone probing the endpoint.
 */
@ApplicationScoped
public class RefusedWebhooks {
  static final String NAME = "wa.webhook.refused";

  @Inject MetricRegistry registry;

  void count(String reason) {
    registry.counter(NAME, new Tag("reason", reason)).inc();
  }

  /** How many were refused for {@code reason} since start. */
  public long refused(String reason) {
    return registry.counter(NAME, new Tag("reason", reason)).getCount();
  }
}
