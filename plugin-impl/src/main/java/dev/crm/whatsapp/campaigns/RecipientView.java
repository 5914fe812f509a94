package dev.crm.whatsapp.campaigns;

import java.time.OffsetDateTime;
import java.util.Map;

/** One recipient as callers see it (the phone masked but for its last four digits). */
public record RecipientView(String id, int run, String leadId, String name, String phone,
    Map<String, String> variables, String status, int attempts, String messageId, Integer errorCode,
    String errorMessage, OffsetDateTime updatedAt, String variant) {

  static RecipientView of(CampaignRecipient r) {
    return new RecipientView(r.id(), r.runNo(), r.leadId().orElse(null), r.name().orElse(null),
        r.phone().masked(), CampaignJson.variables(r.variablesJson().orElse(null)), r.status().name(), r.attempts(),
        r.messageId().orElse(null), r.errorCode().orElse(null), r.errorMessage().orElse(null), r.updatedAt(),
        r.variant().orElse(null));
  }
}
