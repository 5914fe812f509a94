package dev.crm.whatsapp.history;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.MessageStatus;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.testing.WhatsAppPersistence;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link LeadMessages} as the container drives it: every call in its own committed transaction. Also
 * puts messages into the states tests start from.
 */
public final class MessageStore {
  private final WhatsAppPersistence db;

  public MessageStore(WhatsAppPersistence db) {
    this.db = db;
  }

  public <T> T inTransaction(Function<LeadMessages, T> work) {
    return db.inTransaction(em -> work.apply(LeadMessages.over(em)));
  }

  public String add(LeadMessage message) {
    db.run(em -> LeadMessages.over(em).add(message));
    return message.id();
  }

  /** A new queued message, claimed for sending at {@code at}, whose outcome nobody knows yet. */
  public String claimed(LeadMessage queued, OffsetDateTime at) {
    String id = add(queued);
    claim(id, at);
    return id;
  }

  /** A new message the provider accepted at {@code at} under {@code providerMessageId}. */
  public String accepted(LeadMessage queued, String providerMessageId, OffsetDateTime at) {
    String id = claimed(queued, at);
    accept(id, providerMessageId, at);
    return id;
  }

  public boolean claim(String id, OffsetDateTime at) {
    return inTransaction(messages -> messages.claim(id, at));
  }

  public void release(String id) {
    db.run(em -> LeadMessages.over(em).release(id, LeadMessageBuilder.T0));
  }

  public void accept(String id, String providerMessageId, OffsetDateTime at) {
    db.run(em -> LeadMessages.over(em).recordAccepted(id, "sandbox", "sandbox-number-1", providerMessageId, at));
  }

  public boolean advance(String id, MessageStatus status, OffsetDateTime at) {
    return inTransaction(messages -> messages.advance(id, status, at, null, null));
  }

  public boolean fail(String id, OffsetDateTime at, int code, String title) {
    return inTransaction(messages -> messages.advance(id, MessageStatus.FAILED, at, code, title));
  }

  public Optional<String> idOf(String providerMessageId) {
    return inTransaction(messages -> messages.idOfProviderMessage(providerMessageId));
  }

  public List<LeadMessage> history(TenantId tenant, LeadId lead, Optional<HistoryCursor> cursor, int limit) {
    return inTransaction(messages -> messages.history(tenant, lead, cursor, limit));
  }

  public Optional<LeadMessage> findIfAny(String id) {
    return inTransaction(messages -> messages.find(id));
  }

  public LeadMessage find(String id) {
    return findIfAny(id).orElseThrow();
  }

  /** The optimistic-lock version, which every status change increments. */
  public long version(String id) {
    return db.inTransaction(em -> ((Number) em.createNativeQuery("SELECT version FROM wa_message WHERE id = ?1")
        .setParameter(1, id).getSingleResult()).longValue());
  }
}
