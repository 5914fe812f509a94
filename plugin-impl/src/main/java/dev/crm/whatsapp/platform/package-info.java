/**
 * What every feature stands on: the data source and its migrations, JMS wiring, the REST application,
 * the one error shape, health checks and run-mode settings.
 */
package dev.crm.whatsapp.platform;
