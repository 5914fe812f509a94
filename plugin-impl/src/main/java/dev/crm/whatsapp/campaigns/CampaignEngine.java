package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.api.host.LeadDirectory;
import dev.crm.whatsapp.audience.AudienceSpec;
import dev.crm.whatsapp.audience.Audiences;
import dev.crm.whatsapp.audience.Candidate;
import dev.crm.whatsapp.dispatch.DispatchQueue;
import dev.crm.whatsapp.dispatch.DispatchRequest;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.history.LeadMessages;
import dev.crm.whatsapp.templates.Binding;
import dev.crm.whatsapp.templates.MessageTemplate;
import dev.crm.whatsapp.templates.RenderedTemplate;
import dev.crm.whatsapp.templates.StoredContent;
import dev.crm.whatsapp.templates.TemplateRenderer;
import dev.crm.whatsapp.templates.TemplateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Starts runs and feeds them. Feeding turns due recipients into ordinary outbound messages, each queued
 * to the dispatch queue in the same transaction as the recipient's update, at no more than the campaign's
 * throttle and only inside its send window. Sending, per-sender pacing and statuses are the dispatcher's.
 */
@ApplicationScoped
public class CampaignEngine {
  private static final Logger LOG = Logger.getLogger(CampaignEngine.class.getName());
  /** How many pending recipients one feed looks at beyond what it may send, to find some inside their window. */
  static final int LOOK_AHEAD = 500;
  /**
   * The most messages one feed makes in its transaction. A throttle's whole minute (up to 100,000) in one
   * transaction would take minutes on a loaded server; a crash in the middle would roll it all back and the
   * next start would try the same huge batch again, never finishing. Small batches commit as they go.
   */
  static final int FEED_BATCH = 500;

  @Inject CampaignRepository campaigns;
  @Inject RecipientWriter writer;
  @Inject Audiences audiences;
  @Inject LeadDirectory directory;
  @Inject TemplateRepository templates;
  @Inject LeadMessages messages;
  @Inject DispatchQueue queue;
  @Inject Clock clock;

  /** Starts the campaign's run if it is scheduled and due; false when it was not (already started, moved). */
  @Transactional
  public boolean startIfDue(String campaignId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Optional<Campaign> found = campaigns.lock(campaignId);
    if (found.isEmpty() || found.get().status() != CampaignStatus.SCHEDULED
        || found.get().nextRunAt().map(at -> at.isAfter(now)).orElse(true)) {
      return false;
    }
    startRun(found.get(), now);
    return true;
  }

  /**
   * Starts a run now of a locked campaign: checks the template, snapshots the audience as the run's
   * recipients and moves to running (or to failed, with the reason, when the template cannot be sent).
   */
  public void startRun(Campaign campaign, OffsetDateTime now) {
    Optional<String> unsendable = unsendableTemplate(campaign);
    if (unsendable.isPresent()) {
      campaign.moveTo(CampaignStatus.FAILED, "start", unsendable.get(), now);
      return;
    }
    int run = campaign.beginRun(now);
    campaign.scheduleNext(campaign.schedule().runAfter(now).orElse(null));
    campaign.moveTo(CampaignStatus.RUNNING, "start", null, now);
    campaigns.em().flush();
    String id = campaign.id();
    AudienceSpec spec = CampaignJson.audience(campaign.audienceJson());
    try (RecipientWriter.Batch batch = writer.open(campaign.tenant(), id, run, now)) {
      if (spec.isList()) {
        writer.copyRun(id, 0, batch);
      } else {
        audiences.resolve(campaign.tenant(), spec, batch::add, reason -> { });
      }
    }
    LOG.info(() -> "Campaign " + id + " run " + run + " started");
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
    if (campaign == null || campaign.status() != CampaignStatus.RUNNING) {
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
    MessageTemplate template = templates.find(campaign.tenant(), campaign.templateId()).orElseThrow();
    Map<String, Binding> bindings = CampaignJson.bindings(campaign.bindingsJson());
    SendWindow window = campaign.window();
    int made = 0;
    OffsetDateTime opensNext = null;
    for (CampaignRecipient recipient : campaigns.recipients(campaignId, run, RecipientStatus.PENDING, 0,
        allowed + LOOK_AHEAD)) {
      ZoneId zone = recipient.timeZone().map(ZoneId::of).orElse(campaign.zone());
      if (!window.isOpen(now, zone)) {
        OffsetDateTime opens = window.nextOpen(now, zone);
        opensNext = opensNext == null || opens.isBefore(opensNext) ? opens : opensNext;
        continue;
      }
      send(campaign, template, bindings, recipient, now);
      if (++made == allowed) {
        break;
      }
    }
    campaign.fed(Throttle.spent(base, made, campaign.throttlePerMinute()), made == 0 ? opensNext : null);
    return made;
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
    message.markQueued(now);
    messages.add(message);
    queue.publish(new DispatchRequest(message.id(), campaign.tenant().value()));
    recipient.messaged(message.id(), now);
    templates.recordUse(template.id(), now);
  }

  /** The live lead when the host still has it (for lead fields), else one made from the snapshot. */
  private Lead leadOf(Campaign campaign, CampaignRecipient recipient) {
    Map<String, String> variables = CampaignJson.variables(recipient.variablesJson().orElse(null));
    Optional<Lead> live = recipient.leadId().flatMap(id -> directory.find(campaign.tenant(), LeadId.of(id)));
    return live.orElseGet(() -> new Lead(LeadId.of(recipient.leadId().orElse("list:" + recipient.phone().e164())),
        campaign.tenant(), recipient.name().orElse(null), recipient.phone().e164(), null, null, null, null, null,
        recipient.timeZone().map(ZoneId::of).orElse(null), null, variables));
  }

  /** {@code recipient} bindings take the recipient's own variable named by {@code field}. */
  static Map<String, Binding> forRecipient(Map<String, Binding> bindings, CampaignRecipient recipient) {
    Map<String, String> variables = CampaignJson.variables(recipient.variablesJson().orElse(null));
    Map<String, Binding> resolved = new HashMap<>(bindings);
    bindings.forEach((key, binding) -> {
      if ("recipient".equalsIgnoreCase(binding.source())) {
        String value = binding.field() == null ? binding.value() : variables.get(binding.field());
        resolved.put(key, new Binding("recipient", binding.field(),
            value == null || value.isBlank() ? binding.fallback() : value, binding.fallback()));
      }
    });
    return resolved;
  }

  private void finishIfDone(Campaign campaign, OffsetDateTime now) {
    Map<RecipientStatus, Long> counts = campaigns.counters(campaign.id(), campaign.runNo());
    long open = counts.entrySet().stream().filter(e -> !e.getKey().isFinal()).mapToLong(Map.Entry::getValue).sum();
    if (open > 0) {
      return;
    }
    if (campaign.nextRunAt().isPresent()) {
      campaign.moveTo(CampaignStatus.SCHEDULED, "finish the run of", null, now);
    } else {
      campaign.moveTo(CampaignStatus.COMPLETED, "complete", null, now);
    }
    LOG.info(() -> "Campaign " + campaign.id() + " run " + campaign.runNo() + " finished");
  }

  private Optional<String> unsendableTemplate(Campaign campaign) {
    Optional<MessageTemplate> template = templates.find(campaign.tenant(), campaign.templateId());
    if (template.isEmpty()) {
      return Optional.of("template " + campaign.templateId() + " no longer exists");
    }
    if (!template.get().status().sendable()) {
      return Optional.of("template " + template.get().name() + " is " + template.get().status()
          + template.get().rejectionReason().map(r -> " (" + r + ")").orElse(""));
    }
    return Optional.empty();
  }

  private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
    return a.isAfter(b) ? a : b;
  }
}
