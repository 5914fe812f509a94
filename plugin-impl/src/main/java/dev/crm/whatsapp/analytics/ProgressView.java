package dev.crm.whatsapp.analytics;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One {@code progress} event of {@code GET /campaigns/{id}/progress}, for the current run: {@code done}
 * counts recipients with nothing left to happen (sent or beyond, failed, opted out, skipped, unknown);
 * {@code ratePerMinute} is observed over the last minute; {@code waitingUntil} is set while the campaign
 * waits for its send window.
 */
public record ProgressView(String campaignId, String status, String statusReason, long total, long done,
    Map<String, Long> counts, Double ratePerMinute, OffsetDateTime estimatedCompletionAt,
    OffsetDateTime waitingUntil) {}
