package dev.crm.whatsapp.webhooks;

import dev.crm.whatsapp.api.MessageStatus;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One status item of a webhook.
 *
 * @param providerMessageId the provider's message id ({@code wamid.})
 * @param status the new status
 * @param at when the provider says it happened
 * @param callbackData our own id, echoed back, when present
 * @param errorCode the first error's code, for {@code failed}
 * @param errorTitle the first error's title, for {@code failed}
 * @param pricingCategory {@code pricing.category} when present (marketing, utility, service, ...)
 * @param recipient the recipient's digits ({@code recipient_id}) when present
 */
public record StatusUpdate(
    String providerMessageId, MessageStatus status, OffsetDateTime at, Optional<String> callbackData,
    Integer errorCode, String errorTitle, String pricingCategory, String recipient) {

  public StatusUpdate(String providerMessageId, MessageStatus status, OffsetDateTime at,
      Optional<String> callbackData, Integer errorCode, String errorTitle) {
    this(providerMessageId, status, at, callbackData, errorCode, errorTitle, null, null);
  }
}
