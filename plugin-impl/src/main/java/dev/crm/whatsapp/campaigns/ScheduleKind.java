package dev.crm.whatsapp.campaigns;

/** When a campaign runs: at launch, once at a date-time, or on a cron expression (a new run each time). */
public enum ScheduleKind {
  NOW, AT, CRON
}
