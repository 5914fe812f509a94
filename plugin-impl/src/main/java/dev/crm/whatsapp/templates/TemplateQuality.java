package dev.crm.whatsapp.templates;

/** Meta's quality rating of an approved template, from recipients' feedback. */
public enum TemplateQuality {
  GREEN,
  YELLOW,
  RED,
  UNKNOWN;

  /** Meta's word (GREEN, HIGH, ...) as a rating; anything unknown is {@link #UNKNOWN}. */
  public static TemplateQuality fromProvider(String word) {
    if (word == null) {
      return UNKNOWN;
    }
    switch (word.trim().toUpperCase()) {
      case "GREEN":
      case "HIGH":
        return GREEN;
      case "YELLOW":
      case "MEDIUM":
        return YELLOW;
      case "RED":
      case "LOW":
        return RED;
      default:
        return UNKNOWN;
    }
  }
}
