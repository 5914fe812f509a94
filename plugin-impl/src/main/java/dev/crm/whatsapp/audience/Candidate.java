package dev.crm.whatsapp.audience;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.host.Lead;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Someone an audience would reach: a lead (with its id) or a row of an uploaded list (without).
 *
 * @param lead the host's lead as read while resolving the audience, when it came from the host; used at
 *     launch to find variables without a value, never stored
 */
public record Candidate(String leadId, String name, PhoneNumber phone, ZoneId zone, Map<String, String> variables,
    Lead lead) {

  public Candidate {
    variables = variables == null ? Map.of() : Map.copyOf(variables);
  }

  public Candidate(String leadId, String name, PhoneNumber phone, ZoneId zone, Map<String, String> variables) {
    this(leadId, name, phone, zone, variables, null);
  }

  public Optional<Lead> hostLead() {
    return Optional.ofNullable(lead);
  }
}
