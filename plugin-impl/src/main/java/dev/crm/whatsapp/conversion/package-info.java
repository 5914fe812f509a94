/**
 * Lead-to-customer conversions: reported by REST, by a CDI event when embedded, or found in the host's
 * customer table; recorded once per customer and attributed to the last message delivered to the lead.
 */
package dev.crm.whatsapp.conversion;
