package dev.crm.whatsapp.accounts;

import java.util.Locale;
import java.util.Optional;

/** Whether a sender number may send. */
public enum SenderStatus {
  /** Sends. */
  ACTIVE,
  /** Stopped by the error policy (token expired, restricted, quality): an admin must act. */
  PAUSED,
  /** Switched off by an admin. */
  DISABLED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<SenderStatus> fromWire(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }
}
