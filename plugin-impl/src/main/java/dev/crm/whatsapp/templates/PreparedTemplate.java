package dev.crm.whatsapp.templates;

/** An approved template rendered for one recipient, ready to be recorded and queued. */
public record PreparedTemplate(String templateId, String templateName, RenderedTemplate rendered) {}
