package dev.crm.whatsapp.audience;

import dev.crm.whatsapp.api.PhoneNumber;
import java.time.ZoneId;
import java.util.Map;

/** Someone an audience would reach: a lead (with its id) or a row of an uploaded list (without). */
public record Candidate(String leadId, String name, PhoneNumber phone, ZoneId zone, Map<String, String> variables) {

  public Candidate {
    variables = variables == null ? Map.of() : Map.copyOf(variables);
  }
}
