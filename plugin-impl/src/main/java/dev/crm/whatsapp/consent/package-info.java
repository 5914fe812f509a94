/**
 * Who may be messaged: opt-outs and opt-ins per tenant and phone (keyword replies, provider errors,
 * marketing-preference webhooks, admins), checked at send time; and erasure of a lead's WhatsApp data.
 */
package dev.crm.whatsapp.consent;
