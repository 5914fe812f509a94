package dev.crm.whatsapp.templates;

import dev.crm.whatsapp.platform.errors.ApiError;
import dev.crm.whatsapp.platform.errors.ApiError.Violation;
import dev.crm.whatsapp.platform.errors.ApiException;
import java.util.List;

/** A template, or its rendering for a lead, broke one or more rules; all of them are reported at once. */
public class InvalidTemplateException extends ApiException {
  private final transient List<Violation> violations;

  public InvalidTemplateException(String error, List<Violation> violations) {
    super(UNPROCESSABLE, error, violations.get(0).field(), summary(violations));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }

  @Override
  public ApiError body() {
    return new ApiError(super.body().error(), super.body().field(), getMessage(), violations);
  }

  private static String summary(List<Violation> violations) {
    return violations.size() == 1 ? violations.get(0).message()
        : violations.size() + " rules broken; first: " + violations.get(0).message();
  }
}
