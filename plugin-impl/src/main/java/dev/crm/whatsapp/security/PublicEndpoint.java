package dev.crm.whatsapp.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method that needs no bearer token, because it authenticates by other means (webhook
 * signatures) or is a demo convenience. The reason is required so every exception is explained.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PublicEndpoint {
  /** Why this needs no token. */
  String because();
}
