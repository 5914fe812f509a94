/** Alert thresholds evaluated on a timer: episodes logged and fired once as CDI events, shown on /health. */
package dev.crm.whatsapp.analytics.alerts;
