/**
 * The sandbox provider: an in-process stand-in for Meta's Cloud API that accepts sends, answers with
 * message ids, and later posts signed status webhooks to the plugin's real webhook endpoint.
 */
package dev.crm.whatsapp.providers.sandbox;
