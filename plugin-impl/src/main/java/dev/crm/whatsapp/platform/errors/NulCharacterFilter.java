package dev.crm.whatsapp.platform.errors;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Refuses a query or path parameter holding a NUL character with 400 naming it. No valid value holds one,
 * and PostgreSQL cannot take one as text, so it would otherwise surface as a 500 from the first query that
 * binds it (found by the REST fuzzing run: {@code GET /campaigns?q=%00}).
 */
@Provider
@Priority(Priorities.USER)
public class NulCharacterFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    refuseNul(request.getUriInfo().getQueryParameters());
    refuseNul(request.getUriInfo().getPathParameters());
  }

  static void refuseNul(MultivaluedMap<String, String> parameters) {
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      if (parameter.getKey().indexOf('\0') >= 0
          || parameter.getValue().stream().anyMatch(v -> v != null && v.indexOf('\0') >= 0)) {
        throw ApiException.invalid(parameter.getKey().replace("\0", ""), "must not contain a NUL character");
      }
    }
  }
}
