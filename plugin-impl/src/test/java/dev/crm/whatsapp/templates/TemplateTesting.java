package dev.crm.whatsapp.templates;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The templates feature wired outside the container, for other features' tests. */
public final class TemplateTesting {
  private TemplateTesting() {}

  /** Template webhook handling over {@code em}, with no catalog and no campaign usage. */
  public static TemplateWebhooks webhooksOver(EntityManager em, Clock clock) {
    TemplateService service = new TemplateService();
    service.repository = TemplateRepository.over(em);
    service.usages = Beans.instance(List.of());
    service.statusChanges = new Beans.Recorded<>();
    service.clock = clock;
    service.importTenant = Optional.empty();
    TemplateWebhooks webhooks = new TemplateWebhooks();
    webhooks.templates = service;
    return webhooks;
  }
}
