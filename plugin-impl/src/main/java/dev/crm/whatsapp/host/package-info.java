/**
 * The default host adapters: read the host's lead and customer tables in a shared database, with table
 * and column names from configuration. A host that embeds the plugin can replace them with its own CDI
 * beans implementing the SPI.
 */
package dev.crm.whatsapp.host;
