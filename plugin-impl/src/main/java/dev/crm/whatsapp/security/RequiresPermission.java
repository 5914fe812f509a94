package dev.crm.whatsapp.security;

import dev.crm.whatsapp.api.security.Permission;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a resource method needs. Every resource method carries this or {@link PublicEndpoint};
 * {@link AuthorizationFilter} refuses a method with neither, and a build test lists any such method.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPermission {
  Permission value();
}
