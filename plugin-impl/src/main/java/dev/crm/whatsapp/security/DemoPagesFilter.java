package dev.crm.whatsapp.security;

import dev.crm.whatsapp.platform.RunMode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The demo CRM pages and the demo token endpoint exist only in demo mode; in production they answer 404
 * like any unknown path. The endpoint is covered here too because its request body is validated before
 * its method runs: without the filter a production server would answer a malformed request 400 and so
 * reveal that the endpoint exists.
 */
@WebFilter({"/demo/*", "/api/v1/demo/*"})
public class DemoPagesFilter extends HttpFilter {

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!RunMode.current().isDemo()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    chain.doFilter(request, response);
  }
}
