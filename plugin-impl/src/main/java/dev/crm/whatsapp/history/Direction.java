package dev.crm.whatsapp.history;

/** Whether the plugin sent a message or the lead did. */
public enum Direction {
  OUTBOUND,
  INBOUND
}
