/**
 * The provider SPI: how a message leaves the plugin. One implementation per kind of WhatsApp access
 * (Meta's Cloud API, an HTTP gateway, the in-process sandbox).
 */
package dev.crm.whatsapp.api.provider;
