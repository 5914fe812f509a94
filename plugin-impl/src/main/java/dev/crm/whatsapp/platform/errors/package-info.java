/**
 * The one error shape of the REST API ({@code {"error","field","message"}}) and the mappers that produce
 * it, so that no resource formats errors itself and no stack trace ever reaches a client.
 */
package dev.crm.whatsapp.platform.errors;
