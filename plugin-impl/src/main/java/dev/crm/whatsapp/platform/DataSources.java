package dev.crm.whatsapp.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The plugin's one data source. The embedded default (an H2 file database) is in
 * {@code microprofile-config.properties}; production points {@code DB_URL} and friends at PostgreSQL.
 */
@DataSourceDefinition(
    name = DataSources.JNDI_NAME,
    className = "${MPCONFIG=db.datasource-class}",
    url = "${MPCONFIG=db.url}",
    user = "${MPCONFIG=db.user}",
    password = "${MPCONFIG=db.password}",
    minPoolSize = 2,
    maxPoolSize = 40,
    properties = {"fish.payara.is-connection-validation-required=true",
                  "fish.payara.connection-validation-method=auto-commit"})
@Singleton
public class DataSources {
  public static final String JNDI_NAME = "java:app/jdbc/whatsapp";
}
