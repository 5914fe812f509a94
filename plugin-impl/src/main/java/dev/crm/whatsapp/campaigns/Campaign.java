package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.api.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * A campaign. Its status changes only through {@link #moveTo}, which enforces {@link CampaignStatus}'s
 * transitions; content, audience and schedule change only while it is a draft or scheduled.
 */
@Entity
@Table(name = "wa_campaign")
@NamedQuery(name = "Campaign.inStatus",
    query = "SELECT c FROM Campaign c WHERE c.status IN :statuses ORDER BY c.createdAt, c.id")
@NamedQuery(name = "Campaign.usingTemplate",
    query = "SELECT c FROM Campaign c WHERE c.tenantId = :tenant AND (c.templateId = :template"
        + " OR c.variants LIKE :inVariants) AND c.status IN :statuses ORDER BY c.createdAt")
public class Campaign {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "tenant_id", nullable = false)
  private String tenantId;

  @Column(nullable = false)
  private String name;

  private String description;

  /** The one template sent; {@code null} when the campaign has variants or direct content. */
  @Column(name = "template_id")
  private String templateId;

  /** The template's parameter bindings as JSON ({@code Map<String, Binding>}). */
  @Column(nullable = false)
  private String bindings;

  /** A/B variants as JSON ({@code List<Variant>}), or {@code null}. */
  private String variants;

  /** Direct content as JSON ({@link DirectContent}), or {@code null}. */
  private String content;

  @Column(name = "missing_variables", nullable = false)
  private String missingVariables;

  /** The current run's audience snapshot is still being written: the run is neither fed nor finished. */
  @Column(name = "snapshot_pending", nullable = false)
  private boolean snapshotPending;

  /** The last recipient id the shared-database snapshot's vetting pass has done (to resume after a crash). */
  @Column(name = "snapshot_cursor")
  private String snapshotCursor;

  /** The audience definition as JSON ({@link AudienceSpec}). */
  @Column(nullable = false)
  private String audience;

  @Enumerated(EnumType.STRING)
  @Column(name = "schedule_kind", nullable = false)
  private ScheduleKind scheduleKind;

  @Column(name = "schedule_at")
  private OffsetDateTime scheduleAt;

  @Column(name = "schedule_cron")
  private String scheduleCron;

  @Column(name = "time_zone", nullable = false)
  private String timeZone;

  @Column(name = "next_run_at")
  private OffsetDateTime nextRunAt;

  @Column(name = "run_no", nullable = false)
  private int runNo;

  @Enumerated(EnumType.STRING)
  @Column(name = "run_started_by")
  private RunTrigger runStartedBy;

  @Column(name = "throttle_per_minute", nullable = false)
  private int throttlePerMinute;

  @Column(name = "window_start")
  private String windowStart;

  @Column(name = "window_end")
  private String windowEnd;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CampaignStatus status;

  @Column(name = "status_reason")
  private String statusReason;

  @Column(name = "resumes_at")
  private OffsetDateTime resumesAt;

  @Column(name = "last_fed_at")
  private OffsetDateTime lastFedAt;

  /** The sender number its messages should leave from; {@code null} for the tenant's primary or healthiest. */
  @Column(name = "sender_account_id")
  private String senderAccountId;

  /** Its own retry waits (ISO-8601 durations, comma-separated) and attempts; {@code null} for the installation's. */
  @Column(name = "retry_backoff")
  private String retryBackoff;

  @Column(name = "max_attempts")
  private Integer maxAttempts;

  /** Which number its messages last left from when that was not the one it asked for, and why. */
  @Column(name = "sender_note")
  private String senderNote;

  @Column(name = "ad_hoc", nullable = false)
  private boolean adHoc;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "started_at")
  private OffsetDateTime startedAt;

  @Column(name = "completed_at")
  private OffsetDateTime completedAt;

  @Version
  private long version;

  protected Campaign() {}

  public static Campaign draft(TenantId tenant, CampaignSettings settings, String createdBy, OffsetDateTime now) {
    Campaign campaign = new Campaign();
    campaign.id = UUID.randomUUID().toString();
    campaign.tenantId = tenant.value();
    campaign.status = CampaignStatus.DRAFT;
    campaign.createdBy = createdBy;
    campaign.createdAt = now;
    campaign.apply(settings, now);
    return campaign;
  }

  /** Replaces the editable settings; only while draft or scheduled (409 otherwise). */
  public void update(CampaignSettings settings, OffsetDateTime now) {
    if (status != CampaignStatus.DRAFT && status != CampaignStatus.SCHEDULED) {
      throw status.illegal("edit");
    }
    apply(settings, now);
  }

  private void apply(CampaignSettings settings, OffsetDateTime now) {
    name = settings.name();
    description = settings.description();
    templateId = settings.templateId();
    bindings = settings.bindingsJson();
    variants = settings.variantsJson();
    content = settings.contentJson();
    missingVariables = settings.missingVariables().wireName();
    audience = settings.audienceJson();
    scheduleKind = settings.schedule().kind();
    scheduleAt = settings.schedule().at();
    scheduleCron = settings.schedule().cron();
    timeZone = settings.schedule().zone().getId();
    throttlePerMinute = settings.throttlePerMinute();
    windowStart = settings.window().startText();
    windowEnd = settings.window().endText();
    adHoc = settings.adHoc();
    senderAccountId = settings.sending().senderAccountId();
    retryBackoff = settings.sending().retryBackoff();
    maxAttempts = settings.sending().maxAttempts();
    updatedAt = now;
  }

  /** Moves to {@code target} if legal, else 409 naming the current status. */
  public void moveTo(CampaignStatus target, String action, String reason, OffsetDateTime now) {
    status.requireMoveTo(target, action);
    status = target;
    statusReason = reason;
    updatedAt = now;
    if (target == CampaignStatus.RUNNING && startedAt == null) {
      startedAt = now;
    }
    if (target.isFinal()) {
      completedAt = now;
      nextRunAt = null;
      resumesAt = null;
    }
    if (target == CampaignStatus.DRAFT) {
      nextRunAt = null;
    }
  }

  /** Starts a new run: its recipients are numbered with it. */
  public int beginRun(OffsetDateTime now, RunTrigger trigger) {
    runNo++;
    runStartedBy = trigger;
    lastFedAt = now;
    return runNo;
  }

  /** The run's snapshot is being written; {@link #snapshotDone} ends that. */
  public void snapshotStarted() {
    snapshotPending = true;
    snapshotCursor = null;
  }

  public void snapshotVetted(String upToRecipientId) {
    snapshotCursor = upToRecipientId;
  }

  public void snapshotDone() {
    snapshotPending = false;
    snapshotCursor = null;
  }

  public void scheduleNext(OffsetDateTime at) {
    nextRunAt = at;
  }

  public void fed(OffsetDateTime at, OffsetDateTime resumesAt) {
    lastFedAt = at;
    this.resumesAt = resumesAt;
  }

  /** The current settings with another schedule (for schedule and clone). */
  public CampaignSettings settingsWith(Schedule schedule) {
    return new CampaignSettings(name, description, templateId, bindings, variants, content, missingVariables(),
        audience, schedule, throttlePerMinute, window(), adHoc, sending());
  }

  /** Recipients were given one by one or uploaded: they, not criteria, are the audience. */
  public void useListAudience(OffsetDateTime now) {
    audience = "{\"source\":\"list\"}";
    updatedAt = now;
  }

  public CampaignSending sending() { return new CampaignSending(senderAccountId, retryBackoff, maxAttempts); }
  public Optional<String> senderNote() { return Optional.ofNullable(senderNote); }
  public String id() { return id; }
  public TenantId tenant() { return TenantId.of(tenantId); }
  public String name() { return name; }
  public Optional<String> description() { return Optional.ofNullable(description); }
  public String templateId() { return templateId; }
  public String bindingsJson() { return bindings; }
  public String variantsJson() { return variants; }
  public String contentJson() { return content; }
  public MissingVariables missingVariables() { return MissingVariables.parse(missingVariables); }
  public boolean snapshotPending() { return snapshotPending; }
  public Optional<String> snapshotCursor() { return Optional.ofNullable(snapshotCursor); }
  public String audienceJson() { return audience; }
  public Schedule schedule() { return new Schedule(scheduleKind, scheduleAt, scheduleCron, ZoneId.of(timeZone)); }
  public Optional<OffsetDateTime> nextRunAt() { return Optional.ofNullable(nextRunAt); }
  public int runNo() { return runNo; }
  public Optional<RunTrigger> runStartedBy() { return Optional.ofNullable(runStartedBy); }
  public int throttlePerMinute() { return throttlePerMinute; }
  public SendWindow window() { return SendWindow.parse(windowStart, windowEnd); }
  public CampaignStatus status() { return status; }
  public Optional<String> statusReason() { return Optional.ofNullable(statusReason); }
  public Optional<OffsetDateTime> resumesAt() { return Optional.ofNullable(resumesAt); }
  public Optional<OffsetDateTime> lastFedAt() { return Optional.ofNullable(lastFedAt); }
  public boolean adHoc() { return adHoc; }
  public String createdBy() { return createdBy; }
  public OffsetDateTime createdAt() { return createdAt; }
  public OffsetDateTime updatedAt() { return updatedAt; }
  public Optional<OffsetDateTime> startedAt() { return Optional.ofNullable(startedAt); }
  public Optional<OffsetDateTime> completedAt() { return Optional.ofNullable(completedAt); }
  public ZoneId zone() { return ZoneId.of(timeZone); }
}
