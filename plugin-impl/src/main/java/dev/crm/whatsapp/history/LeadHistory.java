package dev.crm.whatsapp.history;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.api.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A lead's history as a query object: filters, keyset pages newest first over the
 * {@code (tenant_id, lead_id, created_at, id)} index, and the figures of the lead's summary in one
 * grouped query.
 */
@ApplicationScoped
public class LeadHistory {

  /** Counts and latest times of a lead's messages. */
  public record Figures(Map<Direction, Long> byDirection, Map<MessageStatus, Long> byStatus,
      Optional<OffsetDateTime> lastInbound, Optional<OffsetDateTime> lastOutbound) {

    public long total() {
      return byDirection.values().stream().mapToLong(Long::longValue).sum();
    }

    public Optional<OffsetDateTime> lastContact() {
      return lastInbound.map(in -> lastOutbound.filter(out -> out.isAfter(in)).orElse(in)).or(() -> lastOutbound);
    }
  }

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  public static LeadHistory over(EntityManager em) {
    LeadHistory history = new LeadHistory();
    history.em = em;
    return history;
  }

  /** One page, newest first, after {@code cursor} when given. */
  public List<LeadMessage> page(TenantId tenant, LeadId lead, HistoryFilter filter, Optional<HistoryCursor> cursor,
      int limit) {
    StringBuilder jpql = new StringBuilder("SELECT m FROM LeadMessage m WHERE m.tenantId = :tenant AND m.leadId = :lead");
    filter.direction().ifPresent(d -> jpql.append(" AND m.direction = :direction"));
    filter.campaignId().ifPresent(c -> jpql.append(" AND m.campaignId = :campaign"));
    filter.status().ifPresent(s -> jpql.append(" AND m.status = :status"));
    filter.from().ifPresent(f -> jpql.append(" AND m.createdAt >= :from"));
    filter.to().ifPresent(t -> jpql.append(" AND m.createdAt < :to"));
    cursor.ifPresent(c -> jpql.append(" AND (m.createdAt < :cAt OR (m.createdAt = :cAt AND m.id < :cId))"));
    jpql.append(" ORDER BY m.createdAt DESC, m.id DESC");
    TypedQuery<LeadMessage> query = em.createQuery(jpql.toString(), LeadMessage.class)
        .setParameter("tenant", tenant.value())
        .setParameter("lead", lead.value());
    filter.direction().ifPresent(d -> query.setParameter("direction", d));
    filter.campaignId().ifPresent(c -> query.setParameter("campaign", c));
    filter.status().ifPresent(s -> query.setParameter("status", s));
    filter.from().ifPresent(f -> query.setParameter("from", f));
    filter.to().ifPresent(t -> query.setParameter("to", t));
    cursor.ifPresent(c -> query.setParameter("cAt", c.createdAt()).setParameter("cId", c.id()));
    return query.setMaxResults(limit).getResultList();
  }

  /**
   * The names of the tenant's campaigns with these ids, for showing them next to their messages. Plain SQL
   * on the campaign table, so that history needs no campaign classes.
   */
  public Map<String, String> campaignNames(TenantId tenant, Collection<String> campaignIds) {
    if (campaignIds.isEmpty()) {
      return Map.of();
    }
    List<String> ids = List.copyOf(campaignIds);
    String marks = IntStream.rangeClosed(2, ids.size() + 1).mapToObj(i -> "?" + i).collect(Collectors.joining(", "));
    Query query = em.createNativeQuery("SELECT id, name FROM wa_campaign WHERE tenant_id = ?1 AND id IN (" + marks + ")")
        .setParameter(1, tenant.value());
    for (int i = 0; i < ids.size(); i++) {
      query.setParameter(i + 2, ids.get(i));
    }
    List<?> rows = query.getResultList();
    Map<String, String> names = new HashMap<>();
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      names.put(String.valueOf(columns[0]), String.valueOf(columns[1]));
    }
    return names;
  }

  public Figures figures(TenantId tenant, LeadId lead) {
    List<Object[]> rows = em.createQuery("SELECT m.direction, m.status, COUNT(m), MAX(m.createdAt) FROM LeadMessage m"
            + " WHERE m.tenantId = :tenant AND m.leadId = :lead GROUP BY m.direction, m.status", Object[].class)
        .setParameter("tenant", tenant.value())
        .setParameter("lead", lead.value())
        .getResultList();
    Map<Direction, Long> byDirection = new EnumMap<>(Direction.class);
    Map<MessageStatus, Long> byStatus = new EnumMap<>(MessageStatus.class);
    OffsetDateTime lastIn = null;
    OffsetDateTime lastOut = null;
    for (Object[] row : rows) {
      Direction direction = (Direction) row[0];
      long count = ((Number) row[2]).longValue();
      OffsetDateTime last = (OffsetDateTime) row[3];
      byDirection.merge(direction, count, Long::sum);
      byStatus.merge((MessageStatus) row[1], count, Long::sum);
      if (direction == Direction.INBOUND) {
        lastIn = later(lastIn, last);
      } else {
        lastOut = later(lastOut, last);
      }
    }
    return new Figures(byDirection, byStatus, Optional.ofNullable(lastIn), Optional.ofNullable(lastOut));
  }

  private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
    return a == null || (b != null && b.isAfter(a)) ? b : a;
  }
}
