package dev.crm.whatsapp.consent;

/** Whether a phone may be messaged. */
public enum ConsentState {
  OPTED_OUT,
  OPTED_IN
}
