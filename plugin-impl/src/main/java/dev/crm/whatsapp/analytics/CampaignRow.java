package dev.crm.whatsapp.analytics;

import dev.crm.whatsapp.platform.Jsonp;
import dev.crm.whatsapp.api.TenantId;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What analytics needs of a campaign, read by SQL so that analytics depends on the campaigns' table and
 * not on their classes (the campaigns package writes statistics through this package).
 */
public record CampaignRow(String id, String tenant, String name, String status, String statusReason,
    Instant resumesAt, int runNo, ZoneId zone, String templateId, int throttlePerMinute, Instant startedAt,
    Instant createdAt, Instant completedAt, Map<String, String> variantTemplates) {

  private static final String COLUMNS = "id, tenant_id, name, status, status_reason, resumes_at, run_no, time_zone,"
      + " template_id, throttle_per_minute, started_at, created_at, completed_at, variants";

  /** The tenant's campaign; another tenant's is as absent as none. */
  public static Optional<CampaignRow> find(EntityManager em, TenantId tenant, String id) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM wa_campaign WHERE id = ? AND tenant_id = ?")
        .setParameter(1, id).setParameter(2, tenant.value()).getResultList();
    return rows.stream().findFirst().map(CampaignRow::of);
  }

  /** The tenant's campaigns (not the ad-hoc ones of bulk sends) created before {@code to} and not ended before {@code from}. */
  public static List<CampaignRow> activeBetween(EntityManager em, TenantId tenant, Instant from, Instant to) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM wa_campaign WHERE tenant_id = ?"
            + " AND created_at < ? AND (completed_at IS NULL OR completed_at >= ?) ORDER BY created_at DESC, id"
            + " FETCH FIRST 200 ROWS ONLY")
        .setParameter(1, tenant.value())
        .setParameter(2, java.time.OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC))
        .setParameter(3, java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC))
        .getResultList();
    return rows.stream().map(CampaignRow::of).toList();
  }

  private static CampaignRow of(Object[] r) {
    return new CampaignRow((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
        StatDeltas.instant(r[5]), ((Number) r[6]).intValue(), ZoneId.of((String) r[7]), (String) r[8],
        ((Number) r[9]).intValue(), StatDeltas.instant(r[10]), StatDeltas.instant(r[11]), StatDeltas.instant(r[12]),
        variantTemplates((String) r[13]));
  }

  /** Variant key to template id, from the campaign's stored A/B variants (a JSON list); empty without any. */
  private static Map<String, String> variantTemplates(String variants) {
    if (variants == null || variants.isBlank()) {
      return Map.of();
    }
    try (JsonReader reader = Jsonp.createReader(new StringReader(variants))) {
      Map<String, String> templates = new LinkedHashMap<>();
      for (JsonObject variant : reader.readArray().getValuesAs(JsonObject.class)) {
        templates.put(variant.getString("key", ""), variant.getString("templateId", null));
      }
      return templates;
    }
  }

  /** Whether nothing more will be sent (the progress stream closes). */
  public boolean ended() {
    return List.of("COMPLETED", "CANCELLED", "FAILED").contains(status);
  }
}
