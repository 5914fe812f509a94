/**
 * Files a rep attaches in the lead panel: uploaded once, kept for a limited time in the plugin's own table,
 * and fetched by the provider through a signed, expiring link, since both WhatsApp's Cloud API and the WAHA
 * gateway send media by link.
 */
package dev.crm.whatsapp.media;
