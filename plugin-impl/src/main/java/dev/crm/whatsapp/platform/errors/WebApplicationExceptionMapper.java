package dev.crm.whatsapp.platform.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The framework's own refusals (no such path, wrong method, unreadable JSON, wrong media type) in our
 * error shape. The framework's message is not echoed: it can quote internal class names.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    int status = exception.getResponse().getStatus();
    ApiError body = switch (status) {
      case 400 -> badRequest(exception);
      case 401 -> new ApiError("unauthenticated", null, "a valid bearer token is required");
      case 403 -> new ApiError("forbidden", null, "the caller lacks the permission this needs");
      case 404 -> new ApiError("not_found", null, "no such resource");
      case 405 -> new ApiError("method_not_allowed", null, "this resource does not support that method");
      case 406 -> new ApiError("not_acceptable", null, "this resource answers application/json");
      case 415 -> new ApiError("unsupported_media_type", null, "send the body as application/json");
      default -> new ApiError("http_" + status, null, "the request could not be served");
    };
    Response.ResponseBuilder answer = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
    exception.getResponse().getHeaders().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("Content-Type")) {
        values.forEach(value -> answer.header(name, value));
      }
    });
    return answer.build();
  }

  private static ApiError badRequest(WebApplicationException exception) {
    if (ProcessingExceptionMapper.causedByJson(exception)) {
      return new ApiError("malformed_json", "body", "the body is not valid JSON of the expected shape");
    }
    return new ApiError("bad_request", null, "the request is not valid");
  }
}
