package dev.crm.whatsapp.platform.errors;

/**
 * The body of every 4xx and 5xx answer.
 *
 * @param error a stable, machine-readable code such as {@code validation_failed} or {@code not_found}
 * @param field the request field at fault, or {@code null} when the error is not about one field
 * @param message a sentence for people, naming the rule that was broken
 */
public record ApiError(String error, String field, String message) {}
