/**
 * Campaigns: one approved template sent to an audience snapshot, fed into the ordinary dispatch queue one
 * {@code wa_message} per recipient at the campaign's throttle, inside its send window, on a schedule kept in
 * the database and armed as EJB timers.
 */
package dev.crm.whatsapp.campaigns;
