package dev.crm.whatsapp.platform.errors;

import java.util.List;

/**
 * The body of every 4xx and 5xx answer.
 *
 * @param error a stable, machine-readable code such as {@code validation_failed} or {@code not_found}
 * @param field the request field at fault, or {@code null} when the error is not about one field
 * @param message a sentence for people, naming the rule that was broken
 * @param violations every rule a request broke, when there can be several (e.g. a template); omitted
 *     otherwise, so clients that read only {@code error}, {@code field} and {@code message} keep working
 */
public record ApiError(String error, String field, String message, List<Violation> violations) {

  public ApiError(String error, String field, String message) {
    this(error, field, message, null);
  }

  /**
   * One broken rule.
   *
   * @param component the part of the request at fault, e.g. {@code header}, {@code buttons}
   * @param field the field, e.g. {@code buttons[2].url}
   * @param rule a stable code, e.g. {@code max_length}
   * @param message a sentence for people
   */
  public record Violation(String component, String field, String rule, String message) {}
}
