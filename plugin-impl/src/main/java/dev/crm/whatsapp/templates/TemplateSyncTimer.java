package dev.crm.whatsapp.templates;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads template statuses back from the provider every 15 minutes, as a safety net for missed
 * {@code message_template_status_update} webhooks and to import templates made in Meta's manager.
 */
@Singleton
public class TemplateSyncTimer {
  private static final Logger LOG = Logger.getLogger(TemplateSyncTimer.class.getName());

  @Inject TemplateService templates;

  @Schedule(minute = "*/15", hour = "*", persistent = false)
  void sync() {
    try {
      templates.sync();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Template sync failed; the next one tries again: " + e.getMessage());
    }
  }
}
