package dev.crm.whatsapp.templates;

import dev.crm.whatsapp.api.host.Lead;
import java.util.Optional;

/** The lead fields a template parameter can be bound to. */
final class LeadFields {
  private static final java.util.regex.Pattern ATTRIBUTE = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
  private LeadFields() {}

  /**
   * The field's value for the lead: empty outside when no such field exists, empty inside when the lead
   * has no value for it.
   */
  static Optional<Optional<String>> value(Lead lead, String field) {
    if (field == null) {
      return Optional.empty();
    }
    switch (field) {
      case "name":
        return Optional.of(Optional.ofNullable(lead.displayName()));
      case "first_name":
        return Optional.of(Optional.ofNullable(lead.displayName()).map(String::strip)
            .filter(n -> !n.isEmpty()).map(n -> n.split("\\s+")[0]));
      case "phone":
        return Optional.of(Optional.ofNullable(lead.phone()));
      case "status":
        return Optional.of(Optional.ofNullable(lead.status()));
      case "source":
        return Optional.of(Optional.ofNullable(lead.source()));
      case "priority":
        return Optional.of(Optional.ofNullable(lead.priority()));
      case "owner":
        return Optional.of(Optional.ofNullable(lead.assignedUser()));
      default:
        String attribute = field.startsWith("attributes.") ? field.substring("attributes.".length()) : field;
        // Hosts leave empty attributes out of the map, so a missing attribute reads as empty, not unknown.
        return ATTRIBUTE.matcher(attribute).matches()
            ? Optional.of(Optional.ofNullable(lead.attributes().get(attribute)))
            : Optional.empty();
    }
  }
}
