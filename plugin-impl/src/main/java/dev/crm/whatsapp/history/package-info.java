/**
 * Every message to or from a lead, and the lead's history as reps see it: newest first, with statuses
 * and timestamps.
 */
package dev.crm.whatsapp.history;
