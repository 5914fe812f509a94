package dev.crm.whatsapp.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response.Status;
import dev.crm.whatsapp.platform.errors.ApiException;

/**
 * The caller of the current request, set by {@link AuthorizationFilter} before any resource method runs.
 */
@RequestScoped
public class CurrentCaller {
  private Caller caller;

  void set(Caller authenticated) {
    this.caller = authenticated;
  }

  /** The caller; a resource reached without authentication is a bug, answered 401 rather than 500. */
  public Caller get() {
    if (caller == null) {
      throw new ApiException(Status.UNAUTHORIZED, "unauthenticated", null, "a valid bearer token is required");
    }
    return caller;
  }
}
