package dev.crm.whatsapp.consent;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.TenantId;
import dev.crm.whatsapp.platform.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Opt-outs and opt-ins per tenant and phone, filed under a keyed hash of the number. The latest change
 * by its own time wins, so webhooks arriving out of order leave the same state; every send checks
 * {@link #isOptedOut} at the moment it would leave.
 */
@ApplicationScoped
public class ConsentRegistry {

  @PersistenceContext(unitName = "whatsapp")
  EntityManager em;

  @Inject PhoneHasher hasher;

  /** For tests outside the container. */
  public static ConsentRegistry over(EntityManager em, PhoneHasher hasher) {
    ConsentRegistry registry = new ConsentRegistry();
    registry.em = em;
    registry.hasher = hasher;
    return registry;
  }

  public Optional<ConsentRecord> find(TenantId tenant, PhoneNumber phone) {
    return Optional.ofNullable(em.find(ConsentRecord.class, key(tenant, phone)));
  }

  public boolean isOptedOut(TenantId tenant, PhoneNumber phone) {
    return find(tenant, phone).map(r -> r.state() == ConsentState.OPTED_OUT).orElse(false);
  }

  /** A phone of a tenant. */
  public record TenantPhone(TenantId tenant, PhoneNumber phone) {}

  /**
   * Which of {@code phones} are opted out, in one query through {@code sql} (the caller's transaction): the
   * dispatcher checks a batch of sends at once.
   */
  public Set<TenantPhone> optedOutAmong(Sql sql, Collection<TenantPhone> phones) {
    if (phones.isEmpty()) {
      return Set.of();
    }
    Map<String, List<TenantPhone>> byHash = phones.stream().distinct()
        .collect(Collectors.groupingBy(p -> hasher.hash(p.phone().e164())));
    List<Object> parameters = new ArrayList<>(List.of(ConsentState.OPTED_OUT.name()));
    parameters.addAll(byHash.keySet());
    Set<TenantPhone> optedOut = new HashSet<>();
    for (Object[] r : sql.query("SELECT tenant_id, phone_hash FROM wa_consent WHERE state = ? AND phone_hash IN ("
        + Sql.placeholders(byHash.size()) + ")", parameters)) {
      byHash.getOrDefault((String) r[1], List.of()).stream()
          .filter(p -> p.tenant().value().equals(r[0])).forEach(optedOut::add);
    }
    return optedOut;
  }

  /**
   * Records a change that happened at {@code at}; one older than the state on file changes nothing.
   *
   * @return true when the state on file changed
   */
  public boolean record(TenantId tenant, PhoneNumber phone, ConsentState state, ConsentSource source,
      String detail, OffsetDateTime at) {
    ConsentRecord.Key key = key(tenant, phone);
    ConsentRecord record = em.find(ConsentRecord.class, key);
    if (record == null) {
      record = ConsentRecord.of(tenant.value(), key.phoneHash, phone.e164(), at);
      record.set(state, source, detail, at);
      em.persist(record);
      return true;
    }
    if (at.isBefore(record.updatedAt())) {
      return false;
    }
    boolean changed = record.state() != state;
    record.set(state, source, detail, at);
    return changed;
  }

  /** Forgets a phone's consent record (an admin removing an opt-out). */
  public boolean remove(TenantId tenant, PhoneNumber phone) {
    ConsentRecord record = em.find(ConsentRecord.class, key(tenant, phone));
    if (record == null) {
      return false;
    }
    em.remove(record);
    return true;
  }

  /** GDPR erasure: keeps the hash and the state (an opted-out number stays so), drops the number. */
  public void erase(TenantId tenant, PhoneNumber phone) {
    find(tenant, phone).ifPresent(ConsentRecord::erasePersonalData);
  }

  /** A tenant's records in one state, most recently changed first. */
  public List<ConsentRecord> list(TenantId tenant, ConsentState state, int limit) {
    return em.createQuery("SELECT c FROM ConsentRecord c WHERE c.tenantId = :tenant AND c.state = :state"
            + " ORDER BY c.updatedAt DESC, c.phoneHash", ConsentRecord.class)
        .setParameter("tenant", tenant.value())
        .setParameter("state", state)
        .setMaxResults(limit)
        .getResultList();
  }

  private ConsentRecord.Key key(TenantId tenant, PhoneNumber phone) {
    return new ConsentRecord.Key(tenant.value(), hasher.hash(phone.e164()));
  }
}
