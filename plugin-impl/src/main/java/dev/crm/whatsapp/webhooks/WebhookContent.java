package dev.crm.whatsapp.webhooks;

import java.util.List;

/** Everything this version understands in one webhook body. */
public record WebhookContent(List<StatusUpdate> statuses, List<InboundMessage> inbound,
    List<PreferenceChange> preferences) {

  public WebhookContent {
    statuses = List.copyOf(statuses);
    inbound = List.copyOf(inbound);
    preferences = List.copyOf(preferences);
  }
}
