package dev.crm.whatsapp.leads;

import dev.crm.whatsapp.api.PhoneNumber;
import dev.crm.whatsapp.api.host.Lead;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lead as the REST API shows it.
 *
 * @param phone the phone as the host stores it
 * @param whatsappNumber the phone in E.164 when it is a valid number, else {@code null}
 */
public record LeadView(
    String id, String name, String phone, String whatsappNumber, String status, String source, String priority,
    String owner, List<String> tags, Instant createdAt, String timeZone, Map<String, String> attributes) {

  public static LeadView of(Lead lead, Optional<PhoneNumber> number) {
    return new LeadView(lead.id().value(), lead.displayName(), lead.phone(), number.map(PhoneNumber::e164).orElse(null),
        lead.status(), lead.source(), lead.priority(), lead.assignedUser(), lead.tags().stream().sorted().toList(),
        lead.createdAt(), lead.zone().map(Object::toString).orElse(null), lead.attributes());
  }
}
