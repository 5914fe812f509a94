package dev.crm.whatsapp.api.host;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A lead as the host knows it. The plugin never writes leads; it reads them through {@link LeadDirectory}.
 *
 * @param id the host's id
 * @param tenant the tenant the lead belongs to
 * @param displayName the name shown to reps and usable in templates
 * @param phone the phone exactly as the host stores it; the plugin normalises it to E.164 and reports
 *     a lead whose phone cannot be parsed instead of sending to it
 * @param status host status (e.g. {@code new}, {@code contacted}); free text, may be {@code null}
 * @param source where the lead came from (e.g. {@code website}); may be {@code null}
 * @param priority host priority (e.g. {@code high}); may be {@code null}
 * @param assignedUser the host user who owns the lead; may be {@code null}
 * @param createdAt when the host created the lead; may be {@code null}
 * @param timeZone the lead's own time zone, used for send windows; {@code null} when unknown
 * @param tags the host's tags or labels, never {@code null}
 * @param attributes further host fields usable as template variables, never {@code null}
 */
public record Lead(
    LeadId id,
    TenantId tenant,
    String displayName,
    String phone,
    String status,
    String source,
    String priority,
    String assignedUser,
    Instant createdAt,
    ZoneId timeZone,
    Set<String> tags,
    Map<String, String> attributes) {

  public Lead {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    tags = tags == null ? Set.of() : Set.copyOf(tags);
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** The lead's time zone, when the host knows it. */
  public Optional<ZoneId> zone() {
    return Optional.ofNullable(timeZone);
  }
}
