package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.analytics.RecipientTally;
import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.api.host.LeadDirectory;
import dev.crm.whatsapp.api.provider.MessageContent;
import dev.crm.whatsapp.audience.AudienceSpec;
import dev.crm.whatsapp.audience.Audiences;
import dev.crm.whatsapp.audience.Candidate;
import dev.crm.whatsapp.dispatch.DispatchQueue;
import dev.crm.whatsapp.dispatch.DispatchRequest;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.history.LeadMessages;
import dev.crm.whatsapp.history.ServiceWindow;
import dev.crm.whatsapp.providers.Providers;
import dev.crm.whatsapp.templates.Binding;
import dev.crm.whatsapp.templates.MessageTemplate;
import dev.crm.whatsapp.templates.RenderedTemplate;
import dev.crm.whatsapp.templates.StoredContent;
import dev.crm.whatsapp.templates.TemplateRenderer;
import dev.crm.whatsapp.templates.TemplateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Starts runs and feeds them. Feeding turns due recipients into ordinary outbound messages (the recipient's
 * variant's template, or the direct content), each queued to the dispatch queue in the same transaction as the
 * recipient's update, at no more than the campaign's throttle and only inside its send window. Direct content
 * goes only to recipients inside their 24-hour service window, unless the number's provider sends outside it.
 * Sending, per-sender pacing and statuses are the dispatcher's.
 */
@ApplicationScoped
public class CampaignEngine {
  private static final Logger LOG = Logger.getLogger(CampaignEngine.class.getName());
  /** How many pending recipients one feed looks at beyond what it may send, to find some inside their window. */
  static final int LOOK_AHEAD = 500;
  /** Why a direct-content recipient was skipped on a number that keeps to the 24-hour window. */
  static final String OUTSIDE_SERVICE_WINDOW = "outside_service_window";
  /**
   * The most messages one feed makes in its transaction. A throttle's whole minute (up to 100,000) in one
   * transaction would take minutes on a loaded server; a crash in the middle would roll it all back and the
   * next start would try the same huge batch again, never finishing. Small batches commit as they go.
   */
  static final int FEED_BATCH = 500;

  @Inject CampaignRepository campaigns;
  @Inject Audiences audiences;
  @Inject LeadDirectory directory;
  @Inject TemplateRepository templates;
  @Inject LeadMessages messages;
  @Inject DispatchQueue queue;
  @Inject ServiceWindow serviceWindow;
  @Inject Providers providers;
  @Inject Clock clock;
  @Inject Event<NextRunPlanned> nextRunPlanned;

  /** Starts the campaign's run if it is scheduled and due; false when it was not (already started, moved). */
  @Transactional
  public boolean startIfDue(String campaignId, RunTrigger trigger) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Optional<Campaign> found = campaigns.lock(campaignId);
    if (found.isEmpty() || found.get().status() != CampaignStatus.SCHEDULED
        || found.get().nextRunAt().map(at -> at.isAfter(now)).orElse(true)) {
      return false;
    }
    Campaign campaign = found.get();
    Optional<String> unsendable = unsendableTemplate(campaign);
    if (unsendable.isPresent()) {
      campaign.moveTo(CampaignStatus.FAILED, "start", unsendable.get(), now);
      return false;
    }
    Missing missing = missingValues(campaign);
    if (missing.total() > 0) {
      campaign.moveTo(CampaignStatus.FAILED, "start", RunPlan.describe(missing.examples(), missing.total()), now);
      return false;
    }
    begin(campaign, now, trigger);
    return true;
  }

  /**
   * Starts a run now of a locked campaign whose templates were checked: moves it to running with its
   * snapshot pending; {@link RunSnapshot#complete} then writes the recipients, each batch in a transaction
   * of its own, and nothing is fed before it is done.
   */
  public void begin(Campaign campaign, OffsetDateTime now, RunTrigger trigger) {
    int run = campaign.beginRun(now, trigger);
    Optional<OffsetDateTime> next = campaign.schedule().runAfter(now);
    campaign.scheduleNext(next.orElse(null));
    // armed now for the next cron time; if this run still runs then, that timer finds it running and the
    // one armed when the run finishes starts the next
    next.ifPresent(at -> nextRunPlanned.fire(new NextRunPlanned(campaign.id(), at)));
    campaign.moveTo(CampaignStatus.RUNNING, "start", null, now);
    campaign.snapshotStarted();
    LOG.info(() -> "Campaign " + campaign.id() + " run " + run + " started");
  }

  /** Recipients missing a variable value, when the campaign refuses to launch with them. */
  public record Missing(List<String> examples, long total) {
    static final int SHOWN = 20;
  }

  /**
   * In {@code refuse} mode, every recipient the run would have whose message cannot be filled in (read from
   * the audience as the snapshot would, without writing anything); none in {@code skip} mode, where the
   * snapshot skips them, or for direct content.
   */
  public Missing missingValues(Campaign campaign) {
    CampaignContent content = CampaignContent.of(campaign);
    if (campaign.missingVariables() != MissingVariables.REFUSE || content.isDirect()) {
      return new Missing(List.of(), 0);
    }
    RunPlan plan = new RunPlan(campaign, RunSnapshot.templatesOf(campaign, campaigns), directory);
    List<String> examples = new ArrayList<>();
    long[] total = {0};
    java.util.function.Consumer<Candidate> check = candidate -> plan.missing(candidate).ifPresent(reason -> {
      if (examples.size() < Missing.SHOWN) {
        examples.add((candidate.leadId() == null ? candidate.phone().masked() : "lead " + candidate.leadId())
            + " (" + reason.substring(RunPlan.MISSING.length() + 2) + ")");
      }
      total[0]++;
    });
    AudienceSpec spec = CampaignJson.audience(campaign.audienceJson());
    if (spec.isList()) {
      int first = 0;
      List<CampaignRecipient> page;
      do {
        page = campaigns.recipients(campaign.id(), 0, null, first, RecipientWriter.BATCH);
        page.forEach(r -> check.accept(new Candidate(r.leadId().orElse(null), r.name().orElse(null), r.phone(),
            r.timeZone().map(ZoneId::of).orElse(null), CampaignJson.variables(r.variablesJson().orElse(null)))));
        first += page.size();
      } while (page.size() == RecipientWriter.BATCH);
    } else {
      audiences.resolve(campaign.tenant(), spec, check, reason -> { });
    }
    return new Missing(List.copyOf(examples), total[0]);
  }

  /**
   * One feed of a running campaign, at most {@link #FEED_BATCH} messages; also ends the run when every
   * recipient is final.
   *
   * @return how many messages it made
   */
  @Transactional
  public int feed(String campaignId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Campaign campaign = campaigns.lock(campaignId).orElse(null);
    if (campaign == null || campaign.status() != CampaignStatus.RUNNING || campaign.snapshotPending()) {
      return 0;
    }
    int run = campaign.runNo();
    if (campaigns.countRecipients(campaignId, run, RecipientStatus.PENDING) == 0) {
      campaign.fed(campaign.lastFedAt().orElse(now), null);
      finishIfDone(campaign, now);
      return 0;
    }
    Optional<String> unsendable = unsendableTemplate(campaign);
    if (unsendable.isPresent()) {
      campaign.moveTo(CampaignStatus.PAUSED, "pause", unsendable.get(), now);
      return 0;
    }
    OffsetDateTime base = Throttle.base(campaign.lastFedAt().orElse(null), now);
    int allowed = Math.min(FEED_BATCH, Throttle.allowance(base, now, campaign.throttlePerMinute()));
    if (allowed < 1) {
      return 0;
    }
    CampaignContent content = CampaignContent.of(campaign);
    Map<String, MessageTemplate> byId = RunSnapshot.templatesOf(campaign, campaigns);
    // the number its messages will ask for (or the one that stands in for it now), not the tenant's usual one
    boolean windowFree = content.isDirect()
        && providers.route(campaign.tenant(), Optional.ofNullable(campaign.sending().senderAccountId()))
            .map(route -> route.provider().sendsOutsideServiceWindow()).orElse(false);
    SendWindow window = campaign.window();
    int made = 0;
    OffsetDateTime opensNext = null;
    RecipientTally tally = new RecipientTally(campaign.tenant().value(), campaignId, run);
    for (CampaignRecipient recipient : campaigns.recipients(campaignId, run, RecipientStatus.PENDING, 0,
        allowed + LOOK_AHEAD)) {
      ZoneId zone = recipient.timeZone().map(ZoneId::of).orElse(campaign.zone());
      if (!window.isOpen(now, zone)) {
        OffsetDateTime opens = window.nextOpen(now, zone);
        opensNext = opensNext == null || opens.isBefore(opensNext) ? opens : opensNext;
        continue;
      }
      String variant = recipient.variant().orElse(null);
      if (content.isDirect()) {
        if (!windowFree && !serviceWindowOpen(campaign, recipient, now)) {
          recipient.skipped(OUTSIDE_SERVICE_WINDOW, now);
          tally.move(variant, RecipientStatus.PENDING.name(), RecipientStatus.SKIPPED.name());
          continue;
        }
        sendDirect(campaign, content.direct(), recipient, now);
      } else {
        CampaignContent.TemplateChoice choice = content.templateFor(recipient.variant()).orElseThrow();
        send(campaign, byId.get(choice.templateId()), choice.bindings(), recipient, now);
      }
      tally.move(variant, RecipientStatus.PENDING.name(), recipient.status().name());
      if (++made == allowed) {
        break;
      }
    }
    tally.writeTo(campaigns.em(), now);
    campaign.fed(Throttle.spent(base, made, campaign.throttlePerMinute()), made == 0 ? opensNext : null);
    return made;
  }

  private boolean serviceWindowOpen(Campaign campaign, CampaignRecipient recipient, OffsetDateTime now) {
    LeadId lead = LeadId.of(recipient.leadId().orElse("list:" + recipient.phone().e164()));
    return serviceWindow.openUntil(campaign.tenant(), lead).map(until -> until.isAfter(now)).orElse(false);
  }

  private void send(Campaign campaign, MessageTemplate template, Map<String, Binding> bindings,
      CampaignRecipient recipient, OffsetDateTime now) {
    Lead lead = leadOf(campaign, recipient);
    RenderedTemplate rendered;
    try {
      rendered = TemplateRenderer.render(template.definition(), forRecipient(bindings, recipient), lead, null);
    } catch (RuntimeException e) {
      recipient.failedBeforeSend(e.getMessage(), now);
      return;
    }
    LeadMessage message = LeadMessage.outboundTemplate(campaign.tenant(), lead.id(), recipient.phone(),
        rendered.asText(), template.id(), template.name(), StoredContent.write(rendered.content()),
        "campaign:" + campaign.id(), now).forCampaign(campaign.id(), recipient.id());
    queue(campaign, recipient, message, now);
    templates.recordUse(template.id(), now);
  }

  /** Direct content: the text, or the file with the text as its caption. */
  private void sendDirect(Campaign campaign, DirectContent direct, CampaignRecipient recipient, OffsetDateTime now) {
    LeadId lead = LeadId.of(recipient.leadId().orElse("list:" + recipient.phone().e164()));
    MessageContent content = direct.message();
    LeadMessage message = content instanceof MessageContent.Text
        ? LeadMessage.outboundText(campaign.tenant(), lead, recipient.phone(), direct.text(),
            "campaign:" + campaign.id(), now)
        : LeadMessage.outboundTemplate(campaign.tenant(), lead, recipient.phone(), direct.text(), null, null,
            StoredContent.write(content), "campaign:" + campaign.id(), now);
    queue(campaign, recipient, message.forCampaign(campaign.id(), recipient.id()), now);
  }

  private void queue(Campaign campaign, CampaignRecipient recipient, LeadMessage message, OffsetDateTime now) {
    message.preferring(campaign.sending().senderAccountId()).markQueued(now);
    messages.add(message);
    queue.publish(new DispatchRequest(message.id(), campaign.tenant().value(), message.preferredAccountId()));
    recipient.messaged(message.id(), now);
  }

  /** The live lead when the host still has it (for lead fields), else one made from the snapshot. */
  private Lead leadOf(Campaign campaign, CampaignRecipient recipient) {
    Map<String, String> variables = CampaignJson.variables(recipient.variablesJson().orElse(null));
    Optional<Lead> live = recipient.leadId().flatMap(id -> directory.find(campaign.tenant(), LeadId.of(id)));
    return live.orElseGet(() -> RunPlan.listLead(campaign.tenant(), recipient.leadId().orElse(null),
        recipient.name().orElse(null), recipient.phone().e164(), recipient.timeZone().map(ZoneId::of).orElse(null),
        variables));
  }

  /** {@code recipient} bindings take the recipient's own variable named by {@code field}. */
  static Map<String, Binding> forRecipient(Map<String, Binding> bindings, CampaignRecipient recipient) {
    return RunPlan.forVariables(bindings, CampaignJson.variables(recipient.variablesJson().orElse(null)),
        recipient.name().orElse(null), recipient.phone().e164());
  }

  private void finishIfDone(Campaign campaign, OffsetDateTime now) {
    Map<RecipientStatus, Long> counts = campaigns.counters(campaign.id(), campaign.runNo());
    long open = counts.entrySet().stream().filter(e -> !e.getKey().isFinal()).mapToLong(Map.Entry::getValue).sum();
    if (open > 0) {
      return;
    }
    if (campaign.nextRunAt().isPresent()) {
      campaign.moveTo(CampaignStatus.SCHEDULED, "finish the run of", null, now);
      nextRunPlanned.fire(new NextRunPlanned(campaign.id(), campaign.nextRunAt().get()));
    } else {
      campaign.moveTo(CampaignStatus.COMPLETED, "complete", null, now);
    }
    LOG.info(() -> "Campaign " + campaign.id() + " run " + campaign.runNo() + " finished");
  }

  /** Why the campaign cannot send now: one of its templates is gone or not approved; empty for direct content. */
  Optional<String> unsendableTemplate(Campaign campaign) {
    for (CampaignContent.TemplateChoice choice : CampaignContent.of(campaign).templates()) {
      Optional<MessageTemplate> template = templates.find(campaign.tenant(), choice.templateId());
      if (template.isEmpty()) {
        return Optional.of("template " + choice.templateId() + " no longer exists");
      }
      if (!template.get().status().sendable()) {
        return Optional.of("template " + template.get().name() + " is " + template.get().status()
            + template.get().rejectionReason().map(r -> " (" + r + ")").orElse(""));
      }
    }
    return Optional.empty();
  }
}
