package dev.crm.whatsapp.analytics;

import dev.crm.whatsapp.api.security.Permission;
import dev.crm.whatsapp.platform.errors.ApiException;
import dev.crm.whatsapp.security.CurrentCaller;
import dev.crm.whatsapp.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * {@code GET /analytics?from=YYYY-MM-DD&to=YYYY-MM-DD} (UTC days, both included; the last 30 days by
 * default; at most 366 days). Campaign viewers may read it: it shows campaign figures only.
 */
@Path("analytics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsResource {
  static final int MAX_DAYS = 366;

  @Inject CurrentCaller caller;
  @Inject TenantAnalytics analytics;
  @Inject Clock clock;

  @GET
  @RequiresPermission(Permission.CAMPAIGN_VIEW)
  public AnalyticsView analytics(@QueryParam("from") String from, @QueryParam("to") String to) {
    LocalDate end = date("to", to, LocalDate.now(clock));
    LocalDate start = date("from", from, end.minusDays(29));
    if (start.isAfter(end)) {
      throw ApiException.invalid("from", "is on or before 'to'");
    }
    if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
      throw ApiException.invalid("from", "is at most " + MAX_DAYS + " days before 'to'");
    }
    return analytics.between(caller.get().tenant(), start, end);
  }

  private static LocalDate date(String field, String text, LocalDate absent) {
    if (text == null || text.isBlank()) {
      return absent;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(field, "is a date as YYYY-MM-DD");
    }
  }
}
