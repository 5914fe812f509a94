/**
 * Getting messages out: recording them, handing them through an Artemis queue to a message-driven
 * consumer, claiming each before the provider call so that none is sent twice, and recording the outcome.
 */
package dev.crm.whatsapp.dispatch;
