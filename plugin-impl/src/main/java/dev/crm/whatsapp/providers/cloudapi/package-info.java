/** Meta's WhatsApp Cloud API: the wire format of its messages endpoint. */
package dev.crm.whatsapp.providers.cloudapi;
