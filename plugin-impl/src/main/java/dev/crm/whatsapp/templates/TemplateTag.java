package dev.crm.whatsapp.templates;

/** The plugin's own labels for finding templates; never sent to the provider. */
public enum TemplateTag {
  GREETING,
  FOLLOW_UP,
  REMINDER,
  PROMOTIONAL,
  CUSTOM
}
