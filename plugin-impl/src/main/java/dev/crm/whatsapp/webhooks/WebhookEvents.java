package dev.crm.whatsapp.webhooks;

import dev.crm.whatsapp.templates.TemplateWebhooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Logger;

/**
 * Stores webhook requests durably, then applies them, each in its own transaction: a request is on disk
 * before the provider hears 200, and one that cannot be applied yet (its message is not known, or the
 * database failed half-way) stays unprocessed for {@link WebhookRetry} to try again.
 */
@ApplicationScoped
public class WebhookEvents {
  private static final Logger LOG = Logger.getLogger(WebhookEvents.class.getName());
  static final int MAX_ATTEMPTS = 30;

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  @Inject StatusApplier applier;
  @Inject InboundRecorder inbound;
  @Inject PreferenceApplier preferences;
  @Inject TemplateWebhooks templateWebhooks;
  @Inject GatewayWebhooks gateway;
  @Inject Clock clock;

  @Transactional(TxType.REQUIRES_NEW)
  public String store(String source, byte[] body) {
    WebhookEvent event = WebhookEvent.received(source, body, OffsetDateTime.now(clock));
    em.persist(event);
    return event.id();
  }

  /** Applies a stored event; returns true when it is done with. */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean process(String eventId) {
    WebhookEvent event = em.find(WebhookEvent.class, eventId);
    if (event == null || event.processedAt() != null) {
      return true;
    }
    if (event.source().startsWith(GatewayWebhooks.SOURCE_PREFIX)) {
      return processGateway(event);
    }
    // Template status and quality changes (message_template_*_update) are the templates feature's.
    templateWebhooks.apply(event.body());
    WebhookContent content;
    try {
      content = CloudApiWebhookParser.parse(event.body(), event.receivedAt());
    } catch (IllegalArgumentException unreadable) {
      // Signed by the provider yet unreadable: kept for inspection, never retried.
      event.setAside("unreadable: " + unreadable.getMessage(), OffsetDateTime.now(clock));
      return true;
    }
    // Inbound first: a reply's "STOP" is on file before anything else in the same body is applied.
    if (inbound != null) {
      content.inbound().forEach(inbound::record);
    }
    if (preferences != null) {
      content.preferences().forEach(preferences::apply);
    }
    // In message-id order: concurrent webhook bodies touching the same messages then lock their rows in one
    // order and cannot deadlock (seen in the webhook storm with unsorted bodies). Statuses only move
    // forward, so the order within a body does not change the result.
    long unmatched = content.statuses().stream()
        .sorted(java.util.Comparator.comparing(StatusUpdate::providerMessageId))
        .filter(update -> !applier.apply(update)).count();
    if (unmatched > 0) {
      event.attemptFailed(unmatched + " status update(s) for messages not known yet");
      LOG.fine(() -> "Webhook " + eventId + ": " + unmatched + " update(s) wait for their message");
      return false;
    }
    event.processed(OffsetDateTime.now(clock));
    return true;
  }

  private boolean processGateway(WebhookEvent event) {
    boolean done;
    try {
      done = gateway.apply(event.source().substring(GatewayWebhooks.SOURCE_PREFIX.length()), event.body(),
          event.receivedAt());
    } catch (IllegalArgumentException unusable) {
      event.setAside("unusable: " + unusable.getMessage(), OffsetDateTime.now(clock));
      return true;
    }
    if (!done) {
      event.attemptFailed("ack for a message not known yet");
      return false;
    }
    event.processed(OffsetDateTime.now(clock));
    return true;
  }

  /**
   * Counts a failed attempt at applying an event, in a transaction of its own, because the failure rolled
   * back the attempt's own: without this an event that always fails would be retried for ever.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void recordFailure(String eventId, RuntimeException failure) {
    WebhookEvent event = em.find(WebhookEvent.class, eventId);
    if (event != null) {
      event.attemptFailed("failed: " + failure.getClass().getSimpleName());
    }
  }

  @Transactional(TxType.REQUIRES_NEW)
  public List<String> unprocessed(int limit) {
    return em.createNamedQuery("WebhookEvent.unprocessed", String.class)
        .setParameter("maxAttempts", MAX_ATTEMPTS)
        .setMaxResults(limit)
        .getResultList();
  }
}
