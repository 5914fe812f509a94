package dev.crm.whatsapp.templates;

/** How a template names its parameters: {@code {{1}}, {{2}}} or {@code {{first_name}}}. */
public enum ParameterFormat {
  POSITIONAL,
  NAMED
}
