/** The host's leads as reps and UI components see them through the plugin: search, page, look up. */
package dev.crm.whatsapp.leads;
