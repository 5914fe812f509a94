package dev.crm.whatsapp.platform;

import java.util.Locale;

/**
 * How the plugin runs. {@code demo} serves the mock CRM, demo data and the demo token endpoint and signs
 * its own tokens; {@code production} serves none of these and refuses to start on missing secrets.
 */
public enum RunMode {
  DEMO,
  PRODUCTION;

  /** Reads the mode from server-level settings; usable before CDI is up (config sources, startup). */
  public static RunMode current() {
    String value = System.getProperty("wa.mode", System.getenv().getOrDefault("WA_MODE", "demo"));
    return parse(value);
  }

  static RunMode parse(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "demo" -> DEMO;
      case "production", "prod" -> PRODUCTION;
      default -> throw new IllegalStateException("wa.mode must be 'demo' or 'production', not '" + value + "'");
    };
  }

  public boolean isDemo() {
    return this == DEMO;
  }
}
