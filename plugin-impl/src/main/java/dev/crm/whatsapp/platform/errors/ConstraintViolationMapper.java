package dev.crm.whatsapp.platform.errors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Bean Validation failures on requests. The field named is what the client sent: a body record's
 * property ({@code send.arg0.text} becomes {@code text}), or the name of a query, path or header
 * parameter ({@code size}); a missing body is {@code body}. With several violations the first by field
 * name is reported, so the answer is stable.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    ApiError body = exception.getConstraintViolations().stream()
        .map(v -> new ApiError("validation_failed", fieldOf(v), fieldOf(v) + " " + v.getMessage()))
        .min(Comparator.comparing(ApiError::field))
        .orElse(new ApiError("validation_failed", null, "the request is not valid"));
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body)
        .build();
  }

  static String fieldOf(ConstraintViolation<?> violation) {
    String field = "body";
    Path.MethodNode method = null;
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.METHOD) {
        method = node.as(Path.MethodNode.class);
      } else if (node.getKind() == ElementKind.PARAMETER) {
        field = parameterName(violation.getRootBeanClass(), method, node.as(Path.ParameterNode.class))
            .orElse("body");
      } else if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
        field = node.getName();
      }
    }
    return field;
  }

  /** The name a client knows a resource-method parameter by, when it is a query, path or header parameter. */
  private static Optional<String> parameterName(Class<?> resource, Path.MethodNode method, Path.ParameterNode node) {
    if (resource == null || method == null) {
      return Optional.empty();
    }
    try {
      List<Class<?>> types = method.getParameterTypes();
      Method target = resource.getMethod(method.getName(), types.toArray(Class<?>[]::new));
      for (Annotation annotation : target.getParameterAnnotations()[node.getParameterIndex()]) {
        if (annotation instanceof QueryParam query) {
          return Optional.of(query.value());
        } else if (annotation instanceof PathParam path) {
          return Optional.of(path.value());
        } else if (annotation instanceof HeaderParam header) {
          return Optional.of(header.value());
        }
      }
      return Optional.empty();
    } catch (NoSuchMethodException | IndexOutOfBoundsException unknown) {
      return Optional.empty();
    }
  }
}
