package dev.crm.whatsapp.campaigns;

import dev.crm.whatsapp.platform.errors.ApiError;
import dev.crm.whatsapp.platform.errors.ApiException;
import java.util.List;

/** A launch refused (422) for missing variable values, listing the first recipients and their fields. */
final class MissingValuesException extends ApiException {
  private final transient List<ApiError.Violation> violations;

  MissingValuesException(String message, List<ApiError.Violation> violations) {
    super(UNPROCESSABLE, "missing_variables", "missingVariables", message);
    this.violations = List.copyOf(violations);
  }

  @Override
  public ApiError body() {
    return new ApiError(super.body().error(), super.body().field(), getMessage(), violations);
  }
}
