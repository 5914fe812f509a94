package dev.crm.whatsapp.platform.errors;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Jersey reports a request body it could not turn into the expected record as a
 * {@link ProcessingException} caused by the JSON parser: that is the client's 400. Any other processing
 * failure is ours, and goes the way of every unexpected error.
 */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

  @Override
  public Response toResponse(ProcessingException exception) {
    if (causedByJson(exception)) {
      return Response.status(Response.Status.BAD_REQUEST)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(new ApiError("malformed_json", "body", "the body is not valid JSON of the expected shape"))
          .build();
    }
    return new UnexpectedErrorMapper().toResponse(exception);
  }

  static boolean causedByJson(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonbException || cause instanceof JsonException) {
        return true;
      }
    }
    return false;
  }
}
