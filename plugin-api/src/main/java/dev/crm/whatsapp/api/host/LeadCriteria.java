package dev.crm.whatsapp.api.host;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.PhoneNumber;
import java.time.Instant;
import java.util.Set;

/**
 * Which leads to select. Every non-empty field narrows the selection (AND); the values inside one set
 * are alternatives (OR). An all-empty criteria selects every lead of the tenant.
 *
 * @param text case-insensitive text found in the name or phone; {@code null} or blank for any
 * @param statuses host statuses to keep
 * @param sources host sources to keep
 * @param priorities host priorities to keep
 * @param assignedUsers owners to keep
 * @param createdFrom inclusive lower bound of the creation time; {@code null} for none
 * @param createdTo exclusive upper bound of the creation time; {@code null} for none
 * @param tags leads carrying at least one of these tags
 * @param ids exactly these leads
 * @param phoneNumbers leads whose phone is one of these numbers, however the host writes it
 *     ({@code 0812-3456-7890} and {@code +62 812 3456 7890} are both {@code +6281234567890}). An
 *     implementation may return a superset (for instance every lead whose phone ends with the national
 *     digits); callers check each lead's phone themselves. Added in 0.2; an implementation that ignores
 *     it returns more leads, never fewer.
 */
public record LeadCriteria(
    String text,
    Set<String> statuses,
    Set<String> sources,
    Set<String> priorities,
    Set<String> assignedUsers,
    Instant createdFrom,
    Instant createdTo,
    Set<String> tags,
    Set<LeadId> ids,
    Set<PhoneNumber> phoneNumbers) {

  /** The criteria without phone numbers, as before {@code phoneNumbers} existed. */
  public LeadCriteria(String text, Set<String> statuses, Set<String> sources, Set<String> priorities,
      Set<String> assignedUsers, Instant createdFrom, Instant createdTo, Set<String> tags, Set<LeadId> ids) {
    this(text, statuses, sources, priorities, assignedUsers, createdFrom, createdTo, tags, ids, null);
  }

  public LeadCriteria {
    statuses = copy(statuses);
    sources = copy(sources);
    priorities = copy(priorities);
    assignedUsers = copy(assignedUsers);
    tags = copy(tags);
    ids = copy(ids);
    phoneNumbers = copy(phoneNumbers);
  }

  /** Every lead of the tenant. */
  public static LeadCriteria all() {
    return new LeadCriteria(null, null, null, null, null, null, null, null, null);
  }

  /** Leads whose name or phone contains {@code text}. */
  public static LeadCriteria matching(String text) {
    return all().withText(text);
  }

  public LeadCriteria withText(String newText) {
    return new LeadCriteria(
        newText, statuses, sources, priorities, assignedUsers, createdFrom, createdTo, tags, ids, phoneNumbers);
  }

  /** Leads whose phone is {@code phone}, however the host writes it. */
  public static LeadCriteria withPhone(PhoneNumber phone) {
    return new LeadCriteria(null, null, null, null, null, null, null, null, null, Set.of(phone));
  }

  public boolean hasText() {
    return text != null && !text.isBlank();
  }

  private static <T> Set<T> copy(Set<T> values) {
    return values == null ? Set.of() : Set.copyOf(values);
  }
}
