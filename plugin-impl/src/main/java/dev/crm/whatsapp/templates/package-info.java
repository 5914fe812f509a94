/**
 * Message templates by WhatsApp's rules: the model and its validation, variables bound to lead fields and
 * their rendering, the approval lifecycle with the provider's template catalog, and the REST API.
 */
package dev.crm.whatsapp.templates;
