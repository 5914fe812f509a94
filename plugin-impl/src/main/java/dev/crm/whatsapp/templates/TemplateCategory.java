package dev.crm.whatsapp.templates;

/** Meta's template categories; the category decides pricing and what content is allowed. */
public enum TemplateCategory {
  MARKETING,
  UTILITY,
  AUTHENTICATION
}
