package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.audience.AudienceSpec;
import dev.crm.whatsapp.templates.Binding;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A campaign as callers see it. Exactly one of {@code templateId} (with {@code bindings}), {@code variants}
 * and {@code content} is set. {@code counters} counts the current run's recipients by status;
 * {@code resumesAt} is when a campaign waiting for its send window will make messages again;
 * {@code senderNote} says when its messages left from another number than the one it asked for, and why;
 * {@code runStartedBy} says what started the current run (a launch, its timer, or the catch-up poll).
 */
public record CampaignView(String id, String name, String description, String templateId,
    Map<String, Binding> bindings, List<Variant> variants, DirectContent content, String missingVariables,
    AudienceSpec audience, CampaignRequest.ScheduleRequest schedule,
    int throttlePerMinute, CampaignRequest.WindowRequest window, String status, String statusReason,
    OffsetDateTime nextRunAt, OffsetDateTime resumesAt, int run, RunTrigger runStartedBy,
    Map<RecipientStatus, Long> counters,
    boolean adHoc, String senderAccountId, CampaignSending.Retry retry, String senderNote, String createdBy,
    OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime startedAt,
    OffsetDateTime completedAt) {

  static CampaignView of(Campaign c, Map<RecipientStatus, Long> counters) {
    Schedule s = c.schedule();
    SendWindow w = c.window();
    List<Variant> variants = CampaignJson.variants(c.variantsJson());
    return new CampaignView(c.id(), c.name(), c.description().orElse(null), c.templateId(),
        CampaignJson.bindings(c.bindingsJson()), variants.isEmpty() ? null : variants,
        CampaignJson.content(c.contentJson()), c.missingVariables().wireName(),
        CampaignJson.audience(c.audienceJson()),
        new CampaignRequest.ScheduleRequest(s.kind().name(), s.at() == null ? null : s.at().toString(), s.cron(),
            s.zone().getId()),
        c.throttlePerMinute(), w.always() ? null : new CampaignRequest.WindowRequest(w.startText(), w.endText()),
        c.status().name(), c.statusReason().orElse(null), c.nextRunAt().orElse(null),
        c.resumesAt().orElse(null), c.runNo(), c.runStartedBy().orElse(null), counters, c.adHoc(), c.sending().senderAccountId(), c.sending().retry(),
        c.senderNote().orElse(null), c.createdBy(), c.createdAt(), c.updatedAt(),
        c.startedAt().orElse(null), c.completedAt().orElse(null));
  }
}
