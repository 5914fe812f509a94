package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.analytics.RecipientTally;
import dev.crm.whatsapp.analytics.StatDeltas;
import dev.crm.whatsapp.api.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Campaigns and their recipients, always scoped by tenant for callers' lookups. */
@ApplicationScoped
public class CampaignRepository {

  /** One page of campaigns and how many match in all. */
  public record Page(List<Campaign> items, long total) {}

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  public static CampaignRepository over(EntityManager em) {
    CampaignRepository repository = new CampaignRepository();
    repository.em = em;
    return repository;
  }

  public EntityManager em() {
    return em;
  }

  public void add(Campaign campaign) {
    em.persist(campaign);
  }

  public void remove(Campaign campaign) {
    StatDeltas.forget(em, campaign.id());
    em.createQuery("DELETE FROM CampaignRecipient r WHERE r.campaignId = :id")
        .setParameter("id", campaign.id()).executeUpdate();
    em.remove(campaign);
  }

  public Optional<Campaign> find(TenantId tenant, String id) {
    return Optional.ofNullable(em.find(Campaign.class, id)).filter(c -> c.tenant().equals(tenant));
  }

  /**
   * The campaign, its row locked until the transaction ends: the feeder and the pause, resume and cancel
   * calls all take this lock, so a pause that returned has seen the end of any batch being fed.
   */
  public Optional<Campaign> lock(String id) {
    return Optional.ofNullable(em.find(Campaign.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  /** The tenant's campaign, locked as {@link #lock(String)}; another tenant's id is as unknown as none. */
  public Optional<Campaign> lock(TenantId tenant, String id) {
    return lock(id).filter(c -> c.tenant().equals(tenant));
  }

  public List<Campaign> inStatus(Collection<CampaignStatus> statuses) {
    return em.createNamedQuery("Campaign.inStatus", Campaign.class)
        .setParameter("statuses", statuses).getResultList();
  }

  public List<Campaign> usingTemplate(TenantId tenant, String templateId, Collection<CampaignStatus> statuses) {
    return em.createNamedQuery("Campaign.usingTemplate", Campaign.class)
        .setParameter("tenant", tenant.value()).setParameter("template", templateId)
        .setParameter("inVariants", "%\"templateId\":\"" + templateId.replace("%", "") + "\"%")
        .setParameter("statuses", statuses).getResultList();
  }

  /** Campaigns newest first, filtered by status, text in the name and creation date. */
  public Page list(TenantId tenant, CampaignStatus status, String text, OffsetDateTime from, OffsetDateTime to,
      int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE c.tenantId = :tenant AND c.adHoc = FALSE");
    if (status != null) {
      where.append(" AND c.status = :status");
    }
    if (text != null && !text.isBlank()) {
      where.append(" AND LOWER(c.name) LIKE :text");
    }
    if (from != null) {
      where.append(" AND c.createdAt >= :from");
    }
    if (to != null) {
      where.append(" AND c.createdAt < :to");
    }
    TypedQuery<Campaign> items = em.createQuery("SELECT c FROM Campaign c" + where
        + " ORDER BY c.createdAt DESC, c.id DESC", Campaign.class);
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM Campaign c" + where, Long.class);
    for (TypedQuery<?> query : List.of(items, count)) {
      query.setParameter("tenant", tenant.value());
      if (status != null) {
        query.setParameter("status", status);
      }
      if (text != null && !text.isBlank()) {
        query.setParameter("text", "%" + text.toLowerCase().replace("%", "") + "%");
      }
      if (from != null) {
        query.setParameter("from", from);
      }
      if (to != null) {
        query.setParameter("to", to);
      }
    }
    return new Page(items.setFirstResult(page * size).setMaxResults(size).getResultList(),
        count.getSingleResult());
  }

  public void addRecipient(CampaignRecipient recipient) {
    em.persist(recipient);
  }

  /**
   * Writes a new recipient unless its run has its phone already, and says whether it did. The run's unique
   * index on the phone decides, row by row: asking first which of a batch's phones the run has let the
   * planner, which cannot see the rows of a running upload, scan the run for every batch (a 1,000,000-row
   * list took hours); an insert's own index probe never depends on a plan.
   */
  public boolean addRecipientUnlessPresent(CampaignRecipient r) {
    return em.createNativeQuery("INSERT INTO wa_campaign_recipient (id, tenant_id, campaign_id, run_no, lead_id, name,"
            + " phone, time_zone, variables, variant, status, attempts, error_message, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
        .setParameter(1, r.id()).setParameter(2, r.tenant().value()).setParameter(3, r.campaignId())
        .setParameter(4, r.runNo()).setParameter(5, r.leadId().orElse(null)).setParameter(6, r.name().orElse(null))
        .setParameter(7, r.phone().e164()).setParameter(8, r.timeZone().orElse(null))
        .setParameter(9, r.variablesJson().orElse(null)).setParameter(10, r.variant().orElse(null))
        .setParameter(11, r.status().name()).setParameter(12, r.attempts())
        .setParameter(13, r.errorMessage().orElse(null)).setParameter(14, r.createdAt())
        .setParameter(15, r.updatedAt())
        .executeUpdate() == 1;
  }

  /** Recipients of a run, in order, optionally of one status. */
  public List<CampaignRecipient> recipients(String campaignId, int runNo, RecipientStatus status, int first,
      int max) {
    TypedQuery<CampaignRecipient> query = em.createQuery("SELECT r FROM CampaignRecipient r"
            + " WHERE r.campaignId = :id AND r.runNo = :run" + (status == null ? "" : " AND r.status = :status")
            + " ORDER BY r.createdAt, r.id", CampaignRecipient.class)
        .setParameter("id", campaignId).setParameter("run", runNo);
    if (status != null) {
      query.setParameter("status", status);
    }
    return query.setFirstResult(first).setMaxResults(max).getResultList();
  }

  /** The next recipients of a run after {@code afterId}, in id order (a keyset page that survives deletes). */
  public List<CampaignRecipient> recipientsAfter(String campaignId, int runNo, String afterId, int max) {
    return em.createQuery("SELECT r FROM CampaignRecipient r WHERE r.campaignId = :id AND r.runNo = :run"
            + " AND r.id > :after ORDER BY r.id", CampaignRecipient.class)
        .setParameter("id", campaignId).setParameter("run", runNo).setParameter("after", afterId)
        .setMaxResults(max).getResultList();
  }

  /**
   * A page of a run's recipients for a follow-up draft: {@code FAILED} ones, those reached (sent, delivered or
   * read) whose message got no reply, or those reached whose lead has not converted since {@code since}.
   */
  public List<CampaignRecipient> followUpRecipients(String campaignId, int runNo, FollowUp from,
      OffsetDateTime since, int first, int max) {
    String condition = switch (from) {
      case FAILED -> " AND r.status = :failed";
      case UNRESPONSIVE -> " AND r.status IN :reached AND NOT EXISTS (SELECT m.id FROM LeadMessage m"
          + " WHERE m.id = r.messageId AND m.respondedAt IS NOT NULL)";
      case NOT_CONVERTED -> " AND r.status IN :reached AND (r.leadId IS NULL OR NOT EXISTS (SELECT c.id"
          + " FROM Conversion c WHERE c.tenantId = r.tenantId AND c.leadId = r.leadId AND c.convertedAt >= :since))";
    };
    TypedQuery<CampaignRecipient> query = em.createQuery("SELECT r FROM CampaignRecipient r"
            + " WHERE r.campaignId = :id AND r.runNo = :run" + condition + " ORDER BY r.createdAt, r.id",
            CampaignRecipient.class)
        .setParameter("id", campaignId).setParameter("run", runNo);
    if (from == FollowUp.FAILED) {
      query.setParameter("failed", RecipientStatus.FAILED);
    } else {
      query.setParameter("reached", List.of(RecipientStatus.SENT, RecipientStatus.DELIVERED, RecipientStatus.READ));
    }
    if (from == FollowUp.NOT_CONVERTED) {
      query.setParameter("since", since);
    }
    return query.setFirstResult(first).setMaxResults(max).getResultList();
  }

  public long countRecipients(String campaignId, int runNo, RecipientStatus status) {
    TypedQuery<Long> query = em.createQuery("SELECT COUNT(r) FROM CampaignRecipient r"
            + " WHERE r.campaignId = :id AND r.runNo = :run" + (status == null ? "" : " AND r.status = :status"),
            Long.class)
        .setParameter("id", campaignId).setParameter("run", runNo);
    if (status != null) {
      query.setParameter("status", status);
    }
    return query.getSingleResult();
  }

  /** How many recipients of the run are in each status (every status present, zero when none). */
  public Map<RecipientStatus, Long> counters(String campaignId, int runNo) {
    Map<RecipientStatus, Long> counts = new EnumMap<>(RecipientStatus.class);
    for (RecipientStatus status : RecipientStatus.values()) {
      counts.put(status, 0L);
    }
    em.createQuery("SELECT r.status, COUNT(r) FROM CampaignRecipient r WHERE r.campaignId = :id"
            + " AND r.runNo = :run GROUP BY r.status", Object[].class)
        .setParameter("id", campaignId).setParameter("run", runNo)
        .getResultList()
        .forEach(row -> counts.put((RecipientStatus) row[0], ((Number) row[1]).longValue()));
    return counts;
  }

  /** Marks the run's recipients still waiting as skipped (cancel). */
  public int skipPending(String campaignId, int runNo, String reason, OffsetDateTime now) {
    // Callers hold the campaign's lock, which the feeder also takes: no pending recipient moves meanwhile.
    RecipientTally tally = tallyOf(campaignId, runNo, RecipientStatus.PENDING, null);
    int skipped = em.createQuery("UPDATE CampaignRecipient r SET r.status = :skipped, r.errorMessage = :reason,"
            + " r.updatedAt = :now WHERE r.campaignId = :id AND r.runNo = :run AND r.status = :pending")
        .setParameter("skipped", RecipientStatus.SKIPPED).setParameter("reason", reason)
        .setParameter("now", now).setParameter("id", campaignId).setParameter("run", runNo)
        .setParameter("pending", RecipientStatus.PENDING).executeUpdate();
    tally.writeTo(em, now);
    return skipped;
  }

  /** Each recipient of the run in {@code status} (of {@code ids} when given) moved to {@code to}. */
  private RecipientTally tallyOf(String campaignId, int runNo, RecipientStatus status, Collection<String> ids) {
    Campaign campaign = em.find(Campaign.class, campaignId);
    RecipientTally tally = new RecipientTally(campaign.tenant().value(), campaignId, runNo);
    TypedQuery<Object[]> query = em.createQuery("SELECT r.variant, r.status, COUNT(r) FROM CampaignRecipient r"
            + " WHERE r.campaignId = :id AND r.runNo = :run"
            + (status == null ? "" : " AND r.status = :status") + (ids == null ? "" : " AND r.id IN :ids")
            + " GROUP BY r.variant, r.status", Object[].class)
        .setParameter("id", campaignId).setParameter("run", runNo);
    if (status != null) {
      query.setParameter("status", status);
    }
    if (ids != null) {
      query.setParameter("ids", ids);
    }
    for (Object[] row : query.getResultList()) {
      tally.move((String) row[0], ((RecipientStatus) row[1]).name(), ids == null ? RecipientStatus.SKIPPED.name() : null,
          ((Number) row[2]).intValue());
    }
    return tally;
  }

  public int removeRecipients(String campaignId, int runNo, Collection<String> recipientIds) {
    RecipientTally tally = tallyOf(campaignId, runNo, null, recipientIds);
    tally.writeTo(em, null); // removals count no event, so need no time
    return em.createQuery("DELETE FROM CampaignRecipient r WHERE r.campaignId = :id AND r.runNo = :run"
            + " AND r.id IN :ids")
        .setParameter("id", campaignId).setParameter("run", runNo).setParameter("ids", recipientIds)
        .executeUpdate();
  }
}
