package dev.crm.whatsapp.consent;

import java.util.Locale;

/** What recorded a consent change. */
public enum ConsentSource {
  /** The user replied with an opt-out or opt-in keyword. */
  KEYWORD,
  /** The provider refused a send because the user stopped marketing messages ({@code 131050}). */
  PROVIDER_ERROR,
  /** A {@code user_preferences} webhook. */
  USER_PREFERENCES,
  /** An admin, through the consent REST API. */
  ADMIN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
