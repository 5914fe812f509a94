package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.accounts.SenderAccounts;
import dev.crm.whatsapp.analytics.RecipientTally;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.audience.AudienceSpec;
import dev.crm.whatsapp.audience.Candidate;
import dev.crm.whatsapp.audience.CsvRecipients;
import dev.crm.whatsapp.dispatch.CampaignMessages;
import dev.crm.whatsapp.platform.PhoneNormaliser;
import dev.crm.whatsapp.platform.errors.ApiError;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.security.Caller;
import dev.crm.whatsapp.templates.TemplateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What callers do to campaigns. Every action locks the campaign row, as the feeder does. */
@ApplicationScoped
public class CampaignService {
  /** Error codes after which a message is never retried (undeliverable, the user stopped marketing). */
  static final Set<Integer> NEVER_RETRY = Set.of(131026, 131050);
  /** Error codes worth retrying: temporary failures and rate limits. */
  static final Set<Integer> RETRYABLE = Set.of(1, 2, 4, 80007, 130429, 131000, 131016, 131049, 131056, 131057);

  /** What an upload did. */
  public record UploadReport(long rows, long added, long merged, long invalid, List<CsvRecipients.RowError> errors,
      List<String> variables) {}

  @Inject CampaignRepository campaigns;
  @Inject CampaignEngine engine;
  @Inject Event<NextRunPlanned> nextRunPlanned;
  @Inject RecipientWriter writer;
  @Inject TemplateRepository templates;
  @Inject PhoneNormaliser phones;
  @Inject Clock clock;
  @Inject CampaignMessages held;
  @Inject SenderAccounts senderAccounts;

  @Inject
  @ConfigProperty(name = "wa.campaigns.csv.max-bytes", defaultValue = "104857600")
  long csvMaxBytes;

  @Inject
  @ConfigProperty(name = "wa.campaigns.csv.max-rows", defaultValue = "1000000")
  long csvMaxRows;

  @Inject
  @ConfigProperty(name = "wa.campaigns.throttle-per-minute", defaultValue = "100")
  int defaultThrottle;

  @Transactional
  public Campaign create(Caller caller, CampaignSettings settings) {
    requireReferences(caller.tenant(), settings);
    Campaign campaign = Campaign.draft(caller.tenant(), settings, caller.user(), now());
    campaigns.add(campaign);
    return campaign;
  }

  /** An ad-hoc campaign (bulk send), created and started in one transaction. */
  @Transactional
  public Campaign bulkSend(Caller caller, CampaignSettings settings) {
    Campaign campaign = create(caller, settings);
    // the row must exist before launch locks it (a locking find reads the database)
    campaigns.em().flush();
    return launch(caller.tenant(), campaign.id());
  }

  public int defaultThrottle() {
    return defaultThrottle;
  }

  @Transactional
  public Campaign update(TenantId tenant, String id, CampaignSettings settings) {
    requireReferences(tenant, settings);
    Campaign campaign = locked(tenant, id);
    campaign.update(settings, now());
    if (campaign.status() == CampaignStatus.SCHEDULED) {
      arm(campaign, "reschedule");
    }
    return campaign;
  }

  @Transactional
  public void delete(TenantId tenant, String id) {
    Campaign campaign = locked(tenant, id);
    if (campaign.status() != CampaignStatus.DRAFT) {
      throw campaign.status().illegal("delete");
    }
    campaigns.remove(campaign);
  }

  /** Starts now ({@code NOW} schedule) or schedules for the first run (at a time, or cron). */
  @Transactional
  public Campaign launch(TenantId tenant, String id) {
    Campaign campaign = locked(tenant, id);
    if (campaign.status() != CampaignStatus.DRAFT && campaign.status() != CampaignStatus.SCHEDULED) {
      throw campaign.status().illegal("launch");
    }
    if (campaign.schedule().kind() == ScheduleKind.NOW) {
      requireSendable(campaign);
      requireNoMissingValues(campaign);
      engine.begin(campaign, now(), RunTrigger.LAUNCH);
      return campaign;
    }
    // found now rather than only when the timer fires, hours later, with nobody watching; checked again
    // then, as the host's leads may have changed
    requireNoMissingValues(campaign);
    if (campaign.status() == CampaignStatus.DRAFT) {
      campaign.moveTo(CampaignStatus.SCHEDULED, "schedule", null, now());
    }
    arm(campaign, "schedule");
    return campaign;
  }

  /** Sets the schedule (draft or scheduled) and schedules; a {@code NOW} schedule starts at once. */
  @Transactional
  public Campaign schedule(TenantId tenant, String id, Schedule schedule) {
    Campaign campaign = locked(tenant, id);
    campaign.update(campaign.settingsWith(schedule), now());
    return launch(tenant, id);
  }

  /** Back to draft: its timer finds nothing due and does nothing. */
  @Transactional
  public Campaign unschedule(TenantId tenant, String id) {
    Campaign campaign = locked(tenant, id);
    campaign.moveTo(CampaignStatus.DRAFT, "unschedule", null, now());
    return campaign;
  }

  /** Once this returns no further message is made: the feeder holds the same row lock while it feeds. */
  @Transactional
  public Campaign pause(TenantId tenant, String id, String reason) {
    Campaign campaign = locked(tenant, id);
    campaign.moveTo(CampaignStatus.PAUSED, "pause", reason, now());
    return campaign;
  }

  @Transactional
  public Campaign resume(TenantId tenant, String id) {
    Campaign campaign = locked(tenant, id);
    if (campaign.status() != CampaignStatus.PAUSED) {
      throw campaign.status().illegal("resume");
    }
    requireSendable(campaign);
    campaign.moveTo(CampaignStatus.RUNNING, "resume", null, now());
    held.releaseHeld(id, now());
    return campaign;
  }

  /**
   * Ends the campaign: recipients still waiting are marked skipped, and so are messages already made but
   * not yet claimed by a sender; sends already under way finish.
   */
  @Transactional
  public Campaign cancel(TenantId tenant, String id) {
    Campaign campaign = locked(tenant, id);
    campaign.moveTo(CampaignStatus.CANCELLED, "cancel", null, now());
    campaigns.skipPending(id, campaign.runNo(), "campaign cancelled", now());
    held.skipWaiting(id, "campaign cancelled", now());
    return campaign;
  }

  /**
   * A new run of the completed campaign's failed recipients: those with a retryable error, or with
   * {@code all}, every failure except the undeliverable and the opted-out (never retried).
   */
  @Transactional
  public Campaign retryFailed(TenantId tenant, String id, boolean all) {
    Campaign campaign = locked(tenant, id);
    if (campaign.status() != CampaignStatus.COMPLETED) {
      throw campaign.status().illegal("retry the failures of");
    }
    requireSendable(campaign);
    int previous = campaign.runNo();
    OffsetDateTime now = now();
    campaign.moveTo(CampaignStatus.RUNNING, "retry the failures of", null, now);
    int run = campaign.beginRun(now, RunTrigger.LAUNCH);
    campaigns.em().flush();
    long retried = 0;
    int first = 0;
    RecipientTally tally = new RecipientTally(tenant.value(), id, run);
    List<CampaignRecipient> page;
    do {
      page = campaigns.recipients(id, previous, RecipientStatus.FAILED, first, RecipientWriter.BATCH);
      first += page.size();
      for (CampaignRecipient failed : page) {
        Integer code = failed.errorCode().orElse(null);
        // a failure without a code (a poison message, content that could not be read) is ours, not the
        // provider's: worth another try when the admin asks for every failure
        boolean retry = all ? code == null || !NEVER_RETRY.contains(code) : code != null && RETRYABLE.contains(code);
        if (retry) {
          CampaignRecipient copy = failed.copyFor(run, now);
          campaigns.addRecipient(copy);
          tally.move(copy.variant().orElse(null), null, RecipientStatus.PENDING.name());
          retried++;
        }
      }
    } while (page.size() == RecipientWriter.BATCH);
    tally.writeTo(campaigns.em(), now);
    Campaign reread = campaigns.lock(id).orElseThrow();
    if (retried == 0) {
      reread.moveTo(CampaignStatus.COMPLETED, "complete", "nothing to retry", now);
    }
    return reread;
  }

  @Transactional
  public Campaign copy(Caller caller, String id) {
    Campaign original = campaigns.find(caller.tenant(), id).orElseThrow(() -> ApiException.notFound("campaign"));
    Campaign copy = Campaign.draft(caller.tenant(), original.settingsWith(original.schedule())
        .renamed("Copy of " + original.name()), caller.user(), now());
    campaigns.add(copy);
    campaigns.em().flush();
    String copyId = copy.id();
    try (RecipientWriter.Batch batch = writer.open(caller.tenant(), copyId, 0, now())) {
      writer.copyRun(id, 0, batch);
    }
    return campaigns.find(caller.tenant(), copyId).orElseThrow();
  }

  /**
   * A new draft with the same content and settings whose list is the latest run's failed, unresponsive or
   * not-converted recipients (409 before the campaign's first run).
   */
  @Transactional
  public Campaign followUp(Caller caller, String id, FollowUp from) {
    Campaign original = campaigns.find(caller.tenant(), id).orElseThrow(() -> ApiException.notFound("campaign"));
    if (original.runNo() == 0) {
      throw new ApiException(jakarta.ws.rs.core.Response.Status.CONFLICT, "not_run", "id",
          "the campaign has not run yet: there is nobody to follow up");
    }
    Campaign draft = Campaign.draft(caller.tenant(), original.settingsWith(Schedule.now(original.zone()))
        .forFollowUp("Follow-up (" + from.wireName() + ") of " + original.name()), caller.user(), now());
    campaigns.add(draft);
    campaigns.em().flush();
    String draftId = draft.id();
    OffsetDateTime since = original.startedAt().orElse(original.createdAt());
    try (RecipientWriter.Batch batch = writer.open(caller.tenant(), draftId, 0, now())) {
      int first = 0;
      List<CampaignRecipient> page;
      do {
        page = campaigns.followUpRecipients(id, original.runNo(), from, since, first, RecipientWriter.BATCH);
        page.forEach(r -> batch.add(new Candidate(r.leadId().orElse(null), r.name().orElse(null), r.phone(),
            r.timeZone().map(java.time.ZoneId::of).orElse(null),
            CampaignJson.variables(r.variablesJson().orElse(null)))));
        first += page.size();
      } while (page.size() == RecipientWriter.BATCH);
    }
    return campaigns.find(caller.tenant(), draftId).orElseThrow();
  }

  /** Adds an uploaded CSV list to a draft's recipients (the audience becomes the list). */
  @Transactional
  public UploadReport upload(TenantId tenant, String id, InputStream csv) {
    Campaign campaign = requireDraft(tenant, id, "upload recipients to");
    campaign.useListAudience(now());
    campaigns.em().flush();
    CsvRecipients reader = new CsvRecipients(phones, csvMaxBytes, csvMaxRows);
    try (RecipientWriter.Batch batch = writer.open(tenant, id, 0, now())) {
      CsvRecipients.Report report = reader.read(csv, row -> batch.add(
          new Candidate(null, row.name(), row.phone(), null, row.variables())));
      return new UploadReport(report.rows(), batch.added(), batch.merged(), report.invalid(), report.errors(),
          report.variables());
    }
  }

  /** Adds people to a draft's list. */
  @Transactional
  public long addRecipients(TenantId tenant, String id, List<Candidate> candidates) {
    Campaign campaign = requireDraft(tenant, id, "add recipients to");
    campaign.useListAudience(now());
    campaigns.em().flush();
    try (RecipientWriter.Batch batch = writer.open(tenant, id, 0, now())) {
      candidates.forEach(batch::add);
      return batch.added();
    }
  }

  @Transactional
  public int removeRecipients(TenantId tenant, String id, List<String> recipientIds) {
    requireDraft(tenant, id, "remove recipients from");
    return recipientIds.isEmpty() ? 0 : campaigns.removeRecipients(id, 0, recipientIds);
  }

  private Campaign requireDraft(TenantId tenant, String id, String action) {
    Campaign campaign = locked(tenant, id);
    if (campaign.status() != CampaignStatus.DRAFT) {
      throw campaign.status().illegal(action);
    }
    return campaign;
  }

  private void arm(Campaign campaign, String action) {
    OffsetDateTime first = campaign.schedule().firstRun(now()).orElseThrow();
    if (campaign.schedule().kind() == ScheduleKind.AT && first.isBefore(now().minusMinutes(1))) {
      throw ApiException.unprocessable("schedule.at", "is in the past; pick a later time or launch now");
    }
    campaign.scheduleNext(first);
    nextRunPlanned.fire(new NextRunPlanned(campaign.id(), first));
  }

  private Campaign locked(TenantId tenant, String id) {
    return campaigns.lock(tenant, id).orElseThrow(() -> ApiException.notFound("campaign"));
  }

  /**
   * Every template the content names, and the sender number it asks for, exist in the tenant (400 naming
   * the field otherwise). A disabled or unhealthy number is accepted: the campaign fails over while it is.
   */
  private void requireReferences(TenantId tenant, CampaignSettings settings) {
    String sender = settings.sending().senderAccountId();
    if (sender != null && senderAccounts.find(tenant.value(), sender).isEmpty()) {
      throw ApiException.invalid("senderAccountId", "no sender number " + sender + " exists");
    }
    if (settings.templateId() != null) {
      requireTemplate(tenant, "templateId", settings.templateId());
    }
    List<Variant> variants = CampaignJson.variants(settings.variantsJson());
    for (int i = 0; i < variants.size(); i++) {
      requireTemplate(tenant, "variants[" + i + "].templateId", variants.get(i).templateId());
    }
  }

  private void requireTemplate(TenantId tenant, String field, String templateId) {
    templates.find(tenant, templateId).orElseThrow(() ->
        ApiException.invalid(field, "no template " + templateId + " exists"));
  }

  /** 409 naming the template's field when one of the campaign's templates is not approved. */
  private void requireSendable(Campaign campaign) {
    CampaignContent content = CampaignContent.of(campaign);
    List<CampaignContent.TemplateChoice> choices = content.templates();
    for (int i = 0; i < choices.size(); i++) {
      String field = content.hasVariants() ? "variants[" + i + "].templateId" : "templateId";
      templates.find(campaign.tenant(), choices.get(i).templateId()).filter(t -> t.status().sendable())
          .orElseThrow(() -> new ApiException(jakarta.ws.rs.core.Response.Status.CONFLICT, "template_not_approved",
              field, content.hasVariants() ? "the variant's template is not APPROVED"
                  : "the campaign's template is not APPROVED"));
    }
  }

  /** In refuse mode: 422 listing the recipients whose message misses a variable value; nothing is started. */
  private void requireNoMissingValues(Campaign campaign) {
    CampaignEngine.Missing missing = engine.missingValues(campaign);
    if (missing.total() > 0) {
      List<ApiError.Violation> each = missing.examples().stream()
          .map(example -> new ApiError.Violation("recipient", example.substring(0, example.indexOf(" (")),
              "missing_value", example))
          .toList();
      throw new MissingValuesException(RunPlan.describe(missing.examples(), missing.total()), each);
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  static AudienceSpec audienceOf(Campaign campaign) {
    return CampaignJson.audience(campaign.audienceJson());
  }
}
