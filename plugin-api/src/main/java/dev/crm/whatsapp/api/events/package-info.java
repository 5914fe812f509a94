/** CDI events between the host and the plugin when the host embeds it. */
package dev.crm.whatsapp.api.events;
