package dev.crm.whatsapp.dispatch;

/**
 * A campaign's message found no usable sender number (all of the tenant's are paused, disabled or
 * critical): the message is held, not failed, and the campaign should pause with the reason until an
 * admin makes a number usable again and resumes it.
 *
 * @param tenant the campaign's tenant
 * @param campaignId the campaign
 * @param reason what to show on the campaign
 */
public record CampaignCannotSend(String tenant, String campaignId, String reason) {}
