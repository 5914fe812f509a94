package dev.crm.whatsapp.webhooks;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.api.host.Lead;
import dev.crm.whatsapp.api.host.LeadCriteria;
import dev.crm.whatsapp.api.host.LeadDirectory;
import dev.crm.whatsapp.api.host.Range;
import dev.crm.whatsapp.consent.ConsentKeywords;
import dev.crm.whatsapp.consent.ConsentRegistry;
import dev.crm.whatsapp.consent.ConsentSource;
import dev.crm.whatsapp.consent.ConsentState;
import dev.crm.whatsapp.consent.ErasedMessages;
import dev.crm.whatsapp.history.LeadMessage;
import dev.crm.whatsapp.history.LeadMessages;
import dev.crm.whatsapp.history.Replies;
import dev.crm.whatsapp.platform.PhoneNormaliser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Places an inbound message: the receiving number gives the candidate tenants, the sender's phone the
 * lead (through the host's {@link LeadDirectory}); it is stored in that lead's history as
 * {@code received}, marks the lead's latest outbound message as responded, and acts on consent
 * keywords. A message nobody can place is kept as unmatched for the tenant's admins.
 */
@ApplicationScoped
public class InboundRecorder {
  private static final Logger LOG = Logger.getLogger(InboundRecorder.class.getName());

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  @Inject InboundTenantResolver tenants;
  @Inject LeadDirectory leads;
  @Inject PhoneNormaliser phones;
  @Inject LeadMessages messages;
  @Inject Replies replies;
  @Inject ConsentKeywords keywords;
  @Inject ConsentRegistry consent;
  @Inject ErasedMessages erased;

  public void record(InboundMessage message) {
    record(message, tenants.tenantsFor(message.phoneNumberId()));
  }

  /**
   * Places {@code message} among {@code candidates}, the tenants its receiving number serves (a gateway
   * number knows its one tenant from its account).
   */
  public void record(InboundMessage message, List<TenantId> candidates) {
    if (messages.idOfProviderMessage(message.providerMessageId()).isPresent() || isUnmatched(message)
        || erased.isErased(message.providerMessageId())) {
      return;
    }
    if (candidates.isEmpty()) {
      LOG.warning(() -> "Inbound message to number " + message.phoneNumberId()
          + " which serves no tenant (wa.webhook.tenant-by-phone-number-id); kept only in the webhook store");
      return;
    }
    Optional<PhoneNumber> from = phones.normalise("+" + message.from());
    if (from.isEmpty()) {
      em.persist(UnmatchedInbound.of(candidates.get(0), message, null, UnmatchedInbound.Reason.INVALID_PHONE));
      return;
    }
    Map<TenantId, Lead> matches = new LinkedHashMap<>();
    for (TenantId tenant : candidates) {
      leadWithPhone(tenant, from.get()).ifPresent(lead -> matches.put(tenant, lead));
    }
    Optional<ConsentState> asked = keywords.meaning(message.text());
    if (matches.isEmpty() || (matches.size() > 1 && lastWriter(matches, from.get()).isEmpty())) {
      UnmatchedInbound.Reason reason = matches.isEmpty()
          ? UnmatchedInbound.Reason.NO_LEAD : UnmatchedInbound.Reason.AMBIGUOUS_TENANT;
      em.persist(UnmatchedInbound.of(candidates.get(0), message, from.get().e164(), reason));
      // A "STOP" to a shared number stops every tenant that sends from it.
      asked.filter(ConsentState.OPTED_OUT::equals).ifPresent(state -> candidates.forEach(tenant ->
          consent.record(tenant, from.get(), state, ConsentSource.KEYWORD, message.text(), message.at())));
      return;
    }
    TenantId tenant = matches.size() == 1 ? matches.keySet().iterator().next() : lastWriter(matches, from.get()).get();
    Lead lead = matches.get(tenant);
    messages.add(LeadMessage.inbound(tenant, lead.id(), from.get(), message.type(), message.text(),
        message.providerMessageId(), message.phoneNumberId(), message.at()));
    replies.markResponded(tenant, lead.id(), message.at());
    asked.ifPresent(state -> consent.record(tenant, from.get(), state, ConsentSource.KEYWORD, message.text(),
        message.at()));
  }

  /** The lead of this tenant with this phone; of several, the one last written to, else the first by id. */
  private Optional<Lead> leadWithPhone(TenantId tenant, PhoneNumber phone) {
    List<Lead> found;
    try (Stream<Lead> selected = leads.select(tenant, LeadCriteria.withPhone(phone), new Range(0, 50))) {
      found = selected.filter(lead -> phones.normalise(lead.phone()).map(phone::equals).orElse(false)).toList();
    }
    if (found.size() <= 1) {
      return found.stream().findFirst();
    }
    Optional<LeadId> last = replies.lastWrittenLead(tenant, found.stream().map(Lead::id).toList());
    return last.flatMap(id -> found.stream().filter(l -> l.id().equals(id)).findFirst())
        .or(() -> found.stream().findFirst());
  }

  private Optional<TenantId> lastWriter(Map<TenantId, Lead> matches, PhoneNumber phone) {
    return replies.lastWritingTenant(List.copyOf(matches.keySet()), phone);
  }

  private boolean isUnmatched(InboundMessage message) {
    return !em.createQuery("SELECT u.id FROM UnmatchedInbound u WHERE u.providerMessageId = :pid")
        .setParameter("pid", message.providerMessageId()).setMaxResults(1).getResultList().isEmpty();
  }
}
