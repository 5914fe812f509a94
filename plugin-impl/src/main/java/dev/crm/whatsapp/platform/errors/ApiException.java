package dev.crm.whatsapp.platform.errors;

import jakarta.ws.rs.core.Response.Status;
import java.util.Objects;

/**
 * A refusal the caller can act on. Thrown by services and resources; turned into an {@link ApiError}
 * by {@link ApiExceptionMapper}.
 */
@jakarta.ejb.ApplicationException(rollback = true)
public class ApiException extends RuntimeException {
  /** 422: the request is well formed but cannot be carried out (JAX-RS has no constant for it). */
  public static final int UNPROCESSABLE = 422;

  private final int status;
  private final String error;
  private final String field;

  public ApiException(Status status, String error, String field, String message) {
    this(status.getStatusCode(), error, field, message);
  }

  public ApiException(int status, String error, String field, String message) {
    super(message, null, false, false);
    this.status = status;
    this.error = Objects.requireNonNull(error);
    this.field = field;
  }

  public static ApiException notFound(String what) {
    return new ApiException(Status.NOT_FOUND, "not_found", null, what + " was not found");
  }

  public static ApiException invalid(String field, String message) {
    return new ApiException(Status.BAD_REQUEST, "validation_failed", field, message);
  }

  public static ApiException unprocessable(String field, String message) {
    return new ApiException(UNPROCESSABLE, "unprocessable", field, message);
  }

  public int status() {
    return status;
  }

  public ApiError body() {
    return new ApiError(error, field, getMessage());
  }
}
