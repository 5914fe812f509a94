/** The providers messages leave through, and which one serves a tenant's send. */
package dev.crm.whatsapp.providers;
