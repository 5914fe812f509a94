package dev.crm.whatsapp.webhooks;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies again, every minute, the stored webhook events that were not done with: those that arrived
 * before their message was known, and those whose processing died with the server.
 */
@Singleton
public class WebhookRetry {
  private static final Logger LOG = Logger.getLogger(WebhookRetry.class.getName());

  @Inject WebhookEvents events;

  @Schedule(minute = "*", hour = "*", persistent = false)
  void retryUnprocessed() {
    for (String id : events.unprocessed(500)) {
      try {
        events.process(id);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Webhook event " + id + " failed again", e);
        events.recordFailure(id, e);
      }
    }
  }
}
