package dev.crm.whatsapp.host;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.host.LeadCriteria;
import dev.crm.whatsapp.host.LeadTableMapping.LeadTable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns {@link LeadCriteria} into one parameterised SQL statement over the host's lead table. Values are
 * always bound, never spliced; identifiers come from {@link HostColumn}, which only admits plain names.
 *
 * @param sql the statement
 * @param parameters its values in order
 */
record LeadSql(String sql, List<Object> parameters) {

  static LeadSql select(LeadTable table, boolean numericIds, TenantId tenant, LeadCriteria criteria,
      long offset, int limit) {
    LeadSql where = where(table, numericIds, tenant, criteria);
    List<Object> parameters = new ArrayList<>(where.parameters);
    String paging = "";
    if (limit != Integer.MAX_VALUE || offset > 0) {
      paging = " LIMIT ? OFFSET ?";
      parameters.add(limit);
      parameters.add(offset);
    }
    return new LeadSql("SELECT " + columns(table) + " FROM " + table.table().sql() + where.sql
        + " ORDER BY " + table.id().sql() + paging, parameters);
  }

  /**
   * One {@code INSERT ... SELECT} that copies the leads matching {@code criteria} into a campaign run's
   * recipients inside the database: phones brought to E.164 the way most hosts write them (international with
   * {@code +} or {@code 00}, national with a trunk {@code 0}, or international digits without {@code +}),
   * rows whose phone is not 6 to 15 digits left out, duplicate phones merged (the lowest lead id kept) and
   * phones the run already has skipped, so running it twice adds nothing. Callers vet the result with
   * libphonenumber afterwards: SQL cannot know every numbering plan.
   */
  static LeadSql snapshot(LeadTable table, boolean numericIds, TenantId tenant, LeadCriteria criteria,
      boolean postgres, int callingCode, String campaignId, int run, java.time.OffsetDateTime now) {
    LeadSql where = where(table, numericIds, tenant, criteria);
    String phone = "TRIM(" + table.phone().sql() + ")";
    String digits = "REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(" + phone
        + ", ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', '')";
    String cc = Integer.toString(callingCode);
    String digitsOnly = postgres ? digits + " ~ '^[0-9]{6,15}$'" : "REGEXP_LIKE(" + digits + ", '^[0-9]{6,15}$')";
    String e164 = "CASE WHEN " + phone + " IS NULL OR NOT (" + digitsOnly + ") THEN NULL"
        + " WHEN " + phone + " LIKE '+%' THEN '+' || " + digits
        + " WHEN " + digits + " LIKE '00%' THEN '+' || SUBSTRING(" + digits + " FROM 3)"
        + " WHEN " + digits + " LIKE '0%' THEN '+" + cc + "' || SUBSTRING(" + digits + " FROM 2)"
        + " WHEN " + digits + " LIKE '" + cc + "%' AND LENGTH(" + digits + ") >= 10 THEN '+' || " + digits
        + " ELSE '+" + cc + "' || " + digits + " END";
    String id = postgres ? "CAST(gen_random_uuid() AS VARCHAR(36))" : "CAST(RANDOM_UUID() AS VARCHAR(36))";
    String zone = table.timeZone().map(HostColumn::sql).orElse("NULL");
    String sql = "INSERT INTO wa_campaign_recipient (id, tenant_id, campaign_id, run_no, lead_id, name, phone,"
        + " time_zone, status, attempts, created_at, updated_at)"
        + " SELECT " + id + ", ?, ?, ?, s.lead_id, s.lead_name, s.e164, s.zone, 'PENDING', 0, ?, ?"
        + " FROM (SELECT CAST(" + table.id().sql() + " AS VARCHAR(128)) AS lead_id,"
        + " SUBSTRING(" + table.name().sql() + " FROM 1 FOR 512) AS lead_name, " + e164 + " AS e164,"
        + " CAST(" + zone + " AS VARCHAR(64)) AS zone,"
        + " ROW_NUMBER() OVER (PARTITION BY " + e164 + " ORDER BY " + table.id().sql() + ") AS n"
        + " FROM " + table.table().sql() + where.sql + ") s"
        + " WHERE s.n = 1 AND s.e164 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM wa_campaign_recipient r"
        + " WHERE r.campaign_id = ? AND r.run_no = ? AND r.phone = s.e164)";
    List<Object> parameters = new ArrayList<>(List.of(tenant.value(), campaignId, run,
        java.sql.Timestamp.from(now.toInstant()), java.sql.Timestamp.from(now.toInstant())));
    parameters.addAll(where.parameters);
    parameters.add(campaignId);
    parameters.add(run);
    return new LeadSql(sql, parameters);
  }

  static LeadSql count(LeadTable table, boolean numericIds, TenantId tenant, LeadCriteria criteria) {
    LeadSql where = where(table, numericIds, tenant, criteria);
    return new LeadSql("SELECT COUNT(*) FROM " + table.table().sql() + where.sql, where.parameters);
  }

  static LeadSql find(LeadTable table, boolean numericIds, TenantId tenant, LeadId id) {
    LeadCriteria byId = new LeadCriteria(null, null, null, null, null, null, null, null, java.util.Set.of(id));
    return select(table, numericIds, tenant, byId, 0, 1);
  }

  /** The selected columns, in the order {@link SharedDatabaseLeadDirectory} reads them by name. */
  static String columns(LeadTable table) {
    return Stream.of(
            Optional.of(table.id()), table.tenant(), Optional.of(table.name()), Optional.of(table.phone()),
            table.status(), table.source(), table.priority(), table.owner(), table.created(), table.timeZone(),
            table.tags())
        .flatMap(Optional::stream)
        .map(HostColumn::sql)
        .collect(Collectors.joining(", "))
        + table.attributes().stream().map(c -> ", " + c.sql()).collect(Collectors.joining());
  }

  private static LeadSql where(LeadTable table, boolean numericIds, TenantId tenant, LeadCriteria criteria) {
    List<String> conditions = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    table.tenant().ifPresent(column -> {
      conditions.add(column.sql() + " = ?");
      parameters.add(tenant.value());
    });
    if (criteria.hasText()) {
      String pattern = "%" + escapeLike(criteria.text().trim().toLowerCase(Locale.ROOT)) + "%";
      conditions.add("(LOWER(" + table.name().sql() + ") LIKE ? ESCAPE '\\' OR " + table.phone().sql()
          + " LIKE ? ESCAPE '\\')");
      parameters.add(pattern);
      parameters.add(pattern);
    }
    in(table.status(), criteria.statuses(), conditions, parameters);
    in(table.source(), criteria.sources(), conditions, parameters);
    in(table.priority(), criteria.priorities(), conditions, parameters);
    in(table.owner(), criteria.assignedUsers(), conditions, parameters);
    table.created().ifPresent(created -> {
      if (criteria.createdFrom() != null) {
        conditions.add(created.sql() + " >= ?");
        parameters.add(Timestamp.from(criteria.createdFrom()));
      }
      if (criteria.createdTo() != null) {
        conditions.add(created.sql() + " < ?");
        parameters.add(Timestamp.from(criteria.createdTo()));
      }
    });
    if (!criteria.tags().isEmpty()) {
      HostColumn tags = table.tags().orElse(null);
      if (tags == null) {
        conditions.add("1 = 0");
      } else {
        conditions.add(criteria.tags().stream()
            .map(tag -> "(',' || COALESCE(" + tags.sql() + ", '') || ',') LIKE ? ESCAPE '\\'")
            .collect(Collectors.joining(" OR ", "(", ")")));
        criteria.tags().forEach(tag -> parameters.add("%," + escapeLike(tag) + ",%"));
      }
    }
    if (!criteria.ids().isEmpty()) {
      List<Object> ids = criteria.ids().stream().map(id -> idValue(id, numericIds)).flatMap(Optional::stream).toList();
      if (ids.isEmpty()) {
        conditions.add("1 = 0");
      } else {
        conditions.add(table.id().sql() + " IN (" + placeholders(ids.size()) + ")");
        parameters.addAll(ids);
      }
    }
    if (!criteria.phoneNumbers().isEmpty()) {
      // Hosts write phones in many ways: compare the digits, ending with the national number; the
      // caller checks each lead's phone exactly, so a superset here is harmless.
      String digits = "REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(" + table.phone().sql()
          + ", ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', '')";
      conditions.add(criteria.phoneNumbers().stream().map(p -> digits + " LIKE ?")
          .collect(Collectors.joining(" OR ", "(", ")")));
      criteria.phoneNumbers().forEach(phone -> parameters.add("%" + nationalDigits(phone)));
    }
    String sql = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    return new LeadSql(sql, parameters);
  }

  static String nationalDigits(dev.crm.whatsapp.api.PhoneNumber phone) {
    try {
      var util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
      return Long.toString(util.parse(phone.e164(), null).getNationalNumber());
    } catch (com.google.i18n.phonenumbers.NumberParseException e) {
      return phone.digits();
    }
  }

  /** A lead id as the id column's type wants it; a non-numeric id cannot match a numeric column. */
  static Optional<Object> idValue(LeadId id, boolean numeric) {
    if (!numeric) {
      return Optional.of(id.value());
    }
    try {
      return Optional.of(Long.parseLong(id.value()));
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
  }

  private static void in(Optional<HostColumn> column, Collection<String> values, List<String> conditions,
      List<Object> parameters) {
    if (values.isEmpty()) {
      return;
    }
    if (column.isEmpty()) {
      conditions.add("1 = 0");
      return;
    }
    conditions.add(column.get().sql() + " IN (" + placeholders(values.size()) + ")");
    parameters.addAll(values);
  }

  private static String placeholders(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
