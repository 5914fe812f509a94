package dev.crm.whatsapp.audience;

import dev.crm.whatsapp.api.LeadId;
import dev.crm.whatsapp.api.host.LeadCriteria;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Who a campaign reaches: {@code "source": "leads"} (host leads matching the criteria, combinable: every
 * given field narrows, values inside one list are alternatives) or {@code "source": "list"} (the recipients
 * uploaded as CSV while the campaign is a draft).
 */
public record AudienceSpec(String source, List<String> statuses, List<String> sources, List<String> priorities,
    List<String> owners, OffsetDateTime createdFrom, OffsetDateTime createdTo, List<String> tags,
    List<String> leadIds) {

  public static final String LEADS = "leads";
  public static final String LIST = "list";

  public AudienceSpec {
    source = source == null ? LEADS : source;
    statuses = copy(statuses);
    sources = copy(sources);
    priorities = copy(priorities);
    owners = copy(owners);
    tags = copy(tags);
    leadIds = copy(leadIds);
  }

  public static AudienceSpec ofLeads(List<String> leadIds) {
    return new AudienceSpec(LEADS, null, null, null, null, null, null, null, leadIds);
  }

  public static AudienceSpec list() {
    return new AudienceSpec(LIST, null, null, null, null, null, null, null, null);
  }

  public boolean isList() {
    return LIST.equals(source);
  }

  public LeadCriteria criteria() {
    return new LeadCriteria(null, Set(statuses), Set(sources), Set(priorities), Set(owners),
        createdFrom == null ? null : createdFrom.toInstant(), createdTo == null ? null : createdTo.toInstant(),
        Set(tags), leadIds.stream().map(LeadId::of).collect(Collectors.toSet()));
  }

  private static java.util.Set<String> Set(List<String> values) {
    return java.util.Set.copyOf(values);
  }

  private static List<String> copy(List<String> values) {
    return values == null ? List.of() : List.copyOf(values);
  }
}
