package dev.crm.whatsapp.webhooks;

import java.time.OffsetDateTime;

/**
 * One message a WhatsApp user sent to one of our numbers.
 *
 * @param phoneNumberId the receiving number's id ({@code metadata.phone_number_id})
 * @param from the sender's digits, as Meta writes them (E.164 without '+')
 * @param providerMessageId the provider's id ({@code wamid.})
 * @param type text, image, button, interactive, reaction, ...
 * @param text what a person reads: the text, a caption, a button's label, an emoji; may be {@code null}
 * @param profileName the sender's WhatsApp profile name when given
 * @param at when the user sent it
 */
public record InboundMessage(String phoneNumberId, String from, String providerMessageId, String type,
    String text, String profileName, OffsetDateTime at) {}
