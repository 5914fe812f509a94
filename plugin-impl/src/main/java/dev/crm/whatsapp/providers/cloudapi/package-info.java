/**
 * Meta's WhatsApp Cloud API: the wire format of its messages endpoint, and the provider that calls it over
 * {@code java.net.http} with MicroProfile Fault Tolerance timeout, circuit breaker and bulkhead around the
 * call, and never a retry of it.
 */
package dev.crm.whatsapp.providers.cloudapi;
