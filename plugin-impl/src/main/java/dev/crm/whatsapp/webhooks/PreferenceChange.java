package dev.crm.whatsapp.webhooks;

import java.time.OffsetDateTime;

/**
 * A {@code user_preferences} item: a user stopped or resumed marketing messages.
 *
 * @param phoneNumberId the business number the preference is about
 * @param waId the user's digits
 * @param stop true for {@code stop}, false for {@code resume}
 * @param detail Meta's description, when given
 * @param at when it happened
 */
public record PreferenceChange(String phoneNumberId, String waId, boolean stop, String detail,
    OffsetDateTime at) {}
