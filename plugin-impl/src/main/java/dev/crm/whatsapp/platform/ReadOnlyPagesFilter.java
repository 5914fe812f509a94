package dev.crm.whatsapp.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Outside the REST API the plugin serves only files (the UI modules, the demo pages), read-only: any other
 * method there is a 405 in the API's error shape. Without this the container's default servlet answers
 * such a request itself, a {@code PUT} with 501 — a 5xx for a client's mistake, found by the REST fuzzer
 * with a path like {@code api/v1/accounts/..%2F..%2Fetc} that the container resolves outside the API.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true) // the progress streams (SSE) are asynchronous
public class ReadOnlyPagesFilter extends HttpFilter {
  private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");
  private static final byte[] BODY = ("{\"error\":\"method_not_allowed\",\"message\":\"only GET and HEAD are served"
      + " outside the API\"}").getBytes(StandardCharsets.UTF_8);

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (path.startsWith("/api/") || READING.contains(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    response.setHeader("Allow", "GET, HEAD, OPTIONS");
    response.setContentType("application/json");
    response.setContentLength(BODY.length);
    response.getOutputStream().write(BODY);
  }
}
