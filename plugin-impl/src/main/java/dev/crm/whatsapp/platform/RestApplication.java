package dev.crm.whatsapp.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The REST API, under {@code /whatsapp/api/v1}; callers authenticate with a MicroProfile JWT. It must be
 * a CDI bean: Payara installs its JWT mechanism only when it meets {@code @LoginConfig} on a bean.
 */
@ApplicationScoped
@ApplicationPath("api/v1")
@LoginConfig(authMethod = "MP-JWT")
public class RestApplication extends Application {}
