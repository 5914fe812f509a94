/**
 * The HTTP gateway provider for WhatsApp Web bridges, speaking the HTTP API of WAHA (devlikeapro's
 * "WhatsApp HTTP API"): sends, session status and the QR code that links a device.
 */
package dev.crm.whatsapp.providers.gateway;
