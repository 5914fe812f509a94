/**
 * The host SPI: how the plugin reads the host's leads and customers. A host supplies these as CDI beans
 * when it embeds the plugin; otherwise the plugin's default adapters read the host's database or REST API.
 */
package dev.crm.whatsapp.api.host;
