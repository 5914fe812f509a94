/**
 * Campaigns: one approved template, A/B variants or direct content sent to an audience snapshot (written in
 * batches, resumable), fed into the ordinary dispatch queue one
 * {@code wa_message} per recipient at the campaign's throttle, inside its send window, on a schedule kept in
 * the database and armed as EJB timers.
 */
package dev.crm.whatsapp.campaigns;
