package dev.crm.whatsapp.templates;

import java.util.Arrays;
import java.util.Optional;

/**
 * A template's approval status: {@link #DRAFT} is the plugin's own (never submitted), every other value is
 * Meta's. Only {@link #APPROVED} templates can be sent.
 */
public enum TemplateStatus {
  DRAFT,
  PENDING,
  APPROVED,
  REJECTED,
  PAUSED,
  DISABLED,
  FLAGGED,
  IN_APPEAL,
  LIMIT_EXCEEDED,
  LOCKED,
  ARCHIVED,
  PENDING_DELETION,
  DELETED;

  public boolean sendable() {
    return this == APPROVED;
  }

  /** Whether its content may still be edited here: never submitted, or refused and to be fixed. */
  public boolean editable() {
    return this == DRAFT || this == REJECTED;
  }

  /** Meta's status word ({@code APPROVED}, {@code PAUSED}, ...), when it is one this version knows. */
  public static Optional<TemplateStatus> fromProvider(String word) {
    if (word == null) {
      return Optional.empty();
    }
    String upper = word.trim().toUpperCase();
    // Meta reports a reinstated template as usable again.
    if ("REINSTATED".equals(upper)) {
      return Optional.of(APPROVED);
    }
    return Arrays.stream(values()).filter(s -> s != DRAFT && s.name().equals(upper)).findFirst();
  }
}
