package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.audience.AudienceSpec;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.templates.Binding;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * A campaign as written by a caller: {@code {"name": "Spring sale", "templateId": "...", "bindings":
 * {"body.1": {"source": "lead", "field": "first_name", "fallback": "there"}}, "audience": {"source": "leads",
 * "statuses": ["new"]}, "schedule": {"kind": "AT", "at": "2026-03-01T09:00:00+07:00", "zone":
 * "Asia/Jakarta"}, "throttlePerMinute": 100, "window": {"start": "09:00", "end": "21:00"}}}. Instead of
 * {@code templateId} and {@code bindings}: {@code variants} (A/B) or {@code content} (direct text or media);
 * exactly one of the three. {@code missingVariables}: {@code refuse} (default) or {@code skip}. Optional:
 * {@code senderAccountId} (the number to send from while it is usable) and {@code retry}
 * ({@code {"backoff": ["PT1M", "PT5M"], "maxAttempts": 3}}), see {@link CampaignSending}.
 */
public record CampaignRequest(
    @NotBlank(message = "is required") @Size(max = 200, message = "is at most 200 characters") String name,
    @Size(max = 2000, message = "is at most 2000 characters") String description,
    String templateId,
    Map<String, Binding> bindings,
    List<Variant> variants,
    DirectContent content,
    String missingVariables,
    AudienceSpec audience,
    ScheduleRequest schedule,
    @Min(value = 1, message = "is at least 1") @Max(value = 100000, message = "is at most 100000")
        Integer throttlePerMinute,
    WindowRequest window,
    String senderAccountId,
    CampaignSending.Retry retry) {

  /** When: {@code kind} NOW, AT (with {@code at}, an ISO date-time with offset) or CRON (with {@code cron}). */
  public record ScheduleRequest(String kind, String at, String cron, String zone) {

    public Schedule toSchedule() {
      ScheduleKind parsed;
      try {
        parsed = kind == null ? ScheduleKind.NOW : ScheduleKind.valueOf(kind.trim().toUpperCase());
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("schedule.kind", "is NOW, AT or CRON");
      }
      ZoneId zoneId;
      try {
        zoneId = zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
      } catch (DateTimeException e) {
        throw ApiException.invalid("schedule.zone", "is a time zone id such as Asia/Jakarta");
      }
      OffsetDateTime time;
      try {
        time = at == null ? null : OffsetDateTime.parse(at);
      } catch (DateTimeParseException e) {
        throw ApiException.invalid("schedule.at", "is an ISO date-time with its offset, e.g. 2026-03-01T09:00:00+07:00");
      }
      return new Schedule(parsed, time, cron, zoneId);
    }
  }

  /** Daily hours as HH:mm in the recipient's zone (the lead's, else the campaign's). */
  public record WindowRequest(String start, String end) {}

  public CampaignSettings toSettings(int defaultThrottle, boolean adHoc) {
    AudienceSpec spec = audience == null ? AudienceSpec.list() : audience;
    if (!AudienceSpec.LEADS.equals(spec.source()) && !AudienceSpec.LIST.equals(spec.source())) {
      throw ApiException.invalid("audience.source", "is leads or list");
    }
    Schedule when = schedule == null ? Schedule.now(ZoneId.of("UTC")) : schedule.toSchedule();
    SendWindow hours = window == null ? SendWindow.ALWAYS : SendWindow.parse(window.start(), window.end());
    boolean single = templateId != null && !templateId.isBlank();
    requireOneContent(single);
    String variantsJson = variants == null ? null : CampaignJson.write(Variants.validate(variants));
    String contentJson = content == null ? null : CampaignJson.write(content.validated());
    if (!single && bindings != null && !bindings.isEmpty()) {
      throw ApiException.invalid("bindings", "go with templateId; variants carry their own bindings");
    }
    return new CampaignSettings(name.trim(), description, single ? templateId.trim() : null,
        CampaignJson.write(bindings == null ? Map.of() : bindings), variantsJson, contentJson,
        MissingVariables.parse(missingVariables), CampaignJson.write(spec), when,
        throttlePerMinute == null ? defaultThrottle : throttlePerMinute, hours, adHoc,
        CampaignSending.of(senderAccountId, retry));
  }

  private void requireOneContent(boolean single) {
    int given = (single ? 1 : 0) + (variants != null ? 1 : 0) + (content != null ? 1 : 0);
    if (given == 0) {
      throw ApiException.invalid("templateId", "is required, unless the campaign has variants or content");
    }
    if (given > 1) {
      String extra = content != null ? "content" : "variants";
      throw ApiException.invalid(extra, "a campaign has exactly one of templateId, variants and content");
    }
  }
}
