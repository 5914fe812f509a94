package dev.crm.whatsapp.templates;

import dev.crm.whatsapp.api.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tenant-scoped store of {@link MessageTemplate}s. */
@ApplicationScoped
public class TemplateRepository {

  /** One page of a list and the number of templates matching the filters. */
  public record Page(List<MessageTemplate> items, long total) {}

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  /** For tests outside the container. */
  public static TemplateRepository over(EntityManager em) {
    TemplateRepository repository = new TemplateRepository();
    repository.em = em;
    return repository;
  }

  public void add(MessageTemplate template) {
    em.persist(template);
  }

  /** The tenant's template; another tenant's id is as unknown as an id that does not exist. */
  public Optional<MessageTemplate> find(TenantId tenant, String id) {
    return Optional.ofNullable(id == null ? null : em.find(MessageTemplate.class, id))
        .filter(t -> t.tenant().equals(tenant));
  }

  public Optional<MessageTemplate> findByName(TenantId tenant, String name, String language) {
    return em.createNamedQuery("MessageTemplate.byName", MessageTemplate.class)
        .setParameter("tenant", tenant.value()).setParameter("name", name).setParameter("language", language)
        .getResultStream().findFirst();
  }

  /** Templates carrying the provider's id; more than one only if several tenants share one WABA. */
  public List<MessageTemplate> byProviderId(String providerId) {
    return em.createNamedQuery("MessageTemplate.byProviderId", MessageTemplate.class)
        .setParameter("providerId", providerId).getResultList();
  }

  /** Templates of every tenant waiting for the provider's decision. */
  public List<MessageTemplate> pendingAtProvider(int limit) {
    return em.createNamedQuery("MessageTemplate.pendingAtProvider", MessageTemplate.class)
        .setParameter("pending", TemplateStatus.PENDING).setMaxResults(limit).getResultList();
  }

  public void remove(MessageTemplate template) {
    em.remove(template);
  }

  /** Counts one send, in one UPDATE so that concurrent sends all count. */
  public void recordUse(String id, OffsetDateTime now) {
    em.createQuery("UPDATE MessageTemplate t SET t.usageCount = t.usageCount + 1, t.lastUsedAt = :now,"
            + " t.version = t.version + 1 WHERE t.id = :id")
        .setParameter("now", now).setParameter("id", id).executeUpdate();
  }

  public Page list(TemplateQuery query) {
    StringBuilder where = new StringBuilder(" FROM MessageTemplate t WHERE t.tenantId = :tenant");
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("tenant", query.tenant().value());
    if (query.status() != null) {
      where.append(" AND t.status = :status");
      parameters.put("status", query.status());
    }
    if (query.category() != null) {
      where.append(" AND t.category = :category");
      parameters.put("category", query.category());
    }
    if (query.tag() != null) {
      where.append(" AND t.tags LIKE :tag");
      parameters.put("tag", "%," + query.tag().name() + ",%");
    }
    if (query.language() != null && !query.language().isBlank()) {
      where.append(" AND t.language = :language");
      parameters.put("language", query.language());
    }
    if (query.text() != null && !query.text().isBlank()) {
      where.append(" AND (LOWER(t.name) LIKE :text ESCAPE '\\' OR LOWER(t.definition) LIKE :text ESCAPE '\\')");
      parameters.put("text", "%" + escapeLike(query.text().toLowerCase()) + "%");
    }
    TypedQuery<MessageTemplate> items = em.createQuery("SELECT t" + where + " ORDER BY t.createdAt DESC, t.id DESC",
        MessageTemplate.class);
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(t)" + where, Long.class);
    parameters.forEach((name, value) -> {
      items.setParameter(name, value);
      count.setParameter(name, value);
    });
    List<MessageTemplate> page = items.setFirstResult(query.page() * query.size()).setMaxResults(query.size())
        .getResultList();
    return new Page(page, count.getSingleResult());
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
