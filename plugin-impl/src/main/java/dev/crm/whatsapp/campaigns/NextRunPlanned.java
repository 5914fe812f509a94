package dev.crm.whatsapp.campaigns;

import java.time.OffsetDateTime;

/**
 * A campaign's next run was set to {@code at}. Observed after the transaction commits, so a timer is armed
 * only for a schedule that was stored (and a rolled-back one leaves no timer behind).
 */
public record NextRunPlanned(String campaignId, OffsetDateTime at) {}
