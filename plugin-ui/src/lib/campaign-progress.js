/**
 * A campaign's progress and the actions its status allows, from either source the detail view has: the
 * campaign itself (`GET /campaigns/{id}`, counters keyed by upper-case recipient status) or an event of
 * the progress stream (`/campaigns/{id}/progress`, counts keyed by lower-case status). Pure.
 */

/** Recipient statuses after which nothing more is sent: a run is done when every recipient has one. */
export const DONE_STATUSES = Object.freeze(['sent', 'delivered', 'read', 'failed', 'skipped', 'opted_out', 'unknown']);
export const RECIPIENT_STATUSES = Object.freeze(['pending', 'queued', 'sending', ...DONE_STATUSES]);
/** Campaign statuses that never change again on their own. */
export const FINISHED_CAMPAIGN = Object.freeze(['COMPLETED', 'CANCELLED', 'FAILED']);

/** Counts keyed by lower-case status, every known status present (0 when absent). */
export function normaliseCounts(counts) {
  const out = Object.fromEntries(RECIPIENT_STATUSES.map((s) => [s, 0]));
  for (const [key, value] of Object.entries(counts ?? {})) {
    out[key.toLowerCase()] = Number(value) || 0;
  }
  return out;
}

/** `{status, total, done, percent, counts}` from a campaign view. */
export function progressFromCampaign(campaign) {
  const counts = normaliseCounts(campaign?.counters);
  const total = Object.entries(counts).filter(([key]) => key !== 'responded').reduce((sum, [, n]) => sum + n, 0);
  const done = DONE_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  return build(campaign?.status, campaign?.statusReason, total, done, counts, { waitingUntil: campaign?.resumesAt ?? null });
}

/** The same from a progress event's data (the stream's own total and done are trusted). */
export function progressFromEvent(data) {
  const counts = normaliseCounts(data?.counts);
  return build(data?.status, data?.statusReason, Number(data?.total) || 0, Number(data?.done) || 0, counts, {
    ratePerMinute: data?.ratePerMinute ?? null,
    estimatedCompletionAt: data?.estimatedCompletionAt ?? null,
    waitingUntil: data?.waitingUntil ?? null,
  });
}

function build(status, statusReason, total, done, counts, extra) {
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return { status: String(status ?? '').toUpperCase(), statusReason: statusReason ?? null, total, done, percent, counts, ...extra };
}

/** Whether a campaign in this status may still move on by itself (so it is worth watching). */
export function isLive(status) {
  return ['SCHEDULED', 'RUNNING'].includes(String(status ?? '').toUpperCase());
}

/** How each action is asked of the API: `DELETE /campaigns/{id}/schedule` for unschedule, else `POST /campaigns/{id}/{action}`. */
export function actionRequest(action) {
  return action === 'unschedule' ? { method: 'DELETE', path: 'schedule' } : { method: 'POST', path: action };
}

/**
 * The lifecycle buttons for a status, in the order shown; the server enforces the same rules (409),
 * these only keep impossible buttons away.
 */
export function actionsFor(status, { failed = 0 } = {}) {
  switch (String(status ?? '').toUpperCase()) {
    case 'DRAFT': return ['launch'];
    case 'SCHEDULED': return ['unschedule', 'cancel'];
    case 'RUNNING': return ['pause', 'cancel'];
    case 'PAUSED': return ['resume', 'cancel'];
    case 'COMPLETED': return failed > 0 ? ['retry-failed'] : [];
    default: return [];
  }
}

export const ACTION_LABELS = Object.freeze({
  launch: 'Launch',
  unschedule: 'Back to draft',
  pause: 'Pause',
  resume: 'Resume',
  cancel: 'Cancel campaign',
  'retry-failed': 'Retry failed recipients',
});

/** Status word as shown: "RUNNING" → "Running", "opted_out" → "Opted out". */
export function statusLabel(status) {
  const text = String(status ?? '').toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
