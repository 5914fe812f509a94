package dev.crm.whatsapp.api.host;

import dev.crm.whatsapp.api.LeadId;
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
    Set<LeadId> ids) {

  public LeadCriteria {
    statuses = copy(statuses);
    sources = copy(sources);
    priorities = copy(priorities);
    assignedUsers = copy(assignedUsers);
    tags = copy(tags);
    ids = copy(ids);
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
        newText, statuses, sources, priorities, assignedUsers, createdFrom, createdTo, tags, ids);
  }

  public boolean hasText() {
    return text != null && !text.isBlank();
  }

  private static <T> Set<T> copy(Set<T> values) {
    return values == null ? Set.of() : Set.copyOf(values);
  }
}
