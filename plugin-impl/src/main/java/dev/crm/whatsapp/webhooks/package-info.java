/**
 * Provider webhooks: the verification handshake, the signature check over the raw body, durable storage
 * of every accepted request before it is answered, and applying status updates to messages.
 */
package dev.crm.whatsapp.webhooks;
