/**
 * Sender numbers: each tenant's WhatsApp numbers with their provider, encrypted credentials, status,
 * health score, primary flag and limits, and the choice of number for each send.
 */
package dev.crm.whatsapp.accounts;
