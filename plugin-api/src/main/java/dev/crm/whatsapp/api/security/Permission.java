package dev.crm.whatsapp.api.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every permission the plugin checks. Hosts grant them to their groups (JWT {@code groups} claim); the
 * default grants are in the plugin descriptor and can be overridden by configuration.
 */
public enum Permission {
  SEND("lead-whatsapp-send"),
  CAMPAIGN_LIST("lead-whatsapp-campaign-list"),
  CAMPAIGN_VIEW("lead-whatsapp-campaign-view"),
  CAMPAIGN_CREATE("lead-whatsapp-campaign-create"),
  CAMPAIGN_EDIT("lead-whatsapp-campaign-edit"),
  CAMPAIGN_DELETE("lead-whatsapp-campaign-delete"),
  CAMPAIGN_START("lead-whatsapp-campaign-start"),
  CAMPAIGN_PAUSE("lead-whatsapp-campaign-pause"),
  CAMPAIGN_CANCEL("lead-whatsapp-campaign-cancel"),
  TEMPLATE_LIST("lead-whatsapp-template-list"),
  TEMPLATE_CREATE("lead-whatsapp-template-create"),
  TEMPLATE_EDIT("lead-whatsapp-template-edit"),
  TEMPLATE_DELETE("lead-whatsapp-template-delete"),
  /** Read leads and their WhatsApp history. */
  LEAD_VIEW("lead-whatsapp-view"),
  /** Report that a lead became a customer (the host's service account, or an admin). */
  CONVERSION_REPORT("lead-whatsapp-conversion-report"),
  /** Sender numbers, provider credentials. */
  ACCOUNTS_ADMIN("whatsapp-accounts-admin"),
  /** Plugin settings, consent registry, unmatched inbound messages. */
  SETTINGS_ADMIN("whatsapp-settings-admin");

  private final String key;

  Permission(String key) {
    this.key = key;
  }

  /** The name used in the descriptor, in configuration and in error messages. */
  public String key() {
    return key;
  }

  public static Optional<Permission> fromKey(String key) {
    return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
  }
}
