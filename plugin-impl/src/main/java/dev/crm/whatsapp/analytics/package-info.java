/**
 * Campaign statistics and the tenant's analytics from counters kept as statuses change (an append-only delta
 * log folded into summaries), live progress by server-sent events, and the campaign CSV export.
 */
package dev.crm.whatsapp.analytics;
