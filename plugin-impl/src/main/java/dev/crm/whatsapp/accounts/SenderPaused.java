package dev.crm.whatsapp.accounts;

/**
 * A sender number was paused because of what its provider answered (token expired, restricted, quality,
 * a gateway session lost): fired when it happens, so that what sends from it (campaigns) can stop too,
 * with the reason. An admin resolves the cause and sets the number active again.
 *
 * @param tenant the number's tenant
 * @param accountId the sender account
 * @param name the number's name, for messages about it
 * @param reason why it was paused
 */
public record SenderPaused(String tenant, String accountId, String name, String reason) {}
