package dev.crm.whatsapp.analytics.alerts;

/** A condition that holds now: {@code key} identifies the episode (see {@code AlertRaised}). */
public record Alert(String key, String kind, String tenant, String reason) {}
