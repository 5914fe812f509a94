package dev.crm.whatsapp.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method also takes its bearer token as {@code ?access_token=}, for browsers' {@code EventSource},
 * which cannot set headers. The token is verified as the container verifies headers (see
 * {@link QueryTokenVerifier}) and the method's {@link RequiresPermission} still applies.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AcceptsQueryToken {}
