/** A bulk send's (an ad-hoc campaign's) progress and exclusions, from the campaign view. Pure. */

const DONE = ['SENT', 'DELIVERED', 'READ', 'FAILED', 'OPTED_OUT', 'SKIPPED', 'UNKNOWN'];
const FINISHED = ['COMPLETED', 'CANCELLED', 'FAILED'];

/** Counters may come keyed in upper or lower case; this reads either. */
function count(counters, status) {
  return Number(counters?.[status] ?? counters?.[status.toLowerCase()] ?? 0);
}

/** `{total, done, delivered, read, failed, percent, finished, status}` from `GET /campaigns/{id}`. */
export function campaignProgress(campaign) {
  const counters = campaign?.counters ?? {};
  const total = Object.values(counters).reduce((sum, n) => sum + Number(n || 0), 0);
  const done = DONE.reduce((sum, status) => sum + count(counters, status), 0);
  const status = String(campaign?.status ?? '').toUpperCase();
  return {
    total,
    done,
    delivered: count(counters, 'DELIVERED') + count(counters, 'READ'),
    read: count(counters, 'READ'),
    failed: count(counters, 'FAILED'),
    percent: total ? Math.round((done / total) * 100) : 0,
    finished: FINISHED.includes(status),
    status,
  };
}

const REASONS = Object.freeze({
  no_phone: 'no phone number',
  invalid_phone: 'phone is not a valid number',
  opted_out: 'opted out',
});

/** `[{reason, count, label}]` of the audience preview's exclusions, largest first; unknown reasons read as words. */
export function exclusions(excluded) {
  return Object.entries(excluded ?? {})
    .filter(([, n]) => Number(n) > 0)
    .map(([reason, n]) => ({ reason, count: Number(n), label: REASONS[reason] ?? reason.replace(/_/g, ' ') }))
    .sort((a, b) => b.count - a.count);
}

/** "2 of 5 selected leads will not get it: 1 no phone number, 1 opted out." or null. */
export function exclusionSummary(selected, preview) {
  const list = exclusions(preview?.excluded);
  const left = list.reduce((sum, e) => sum + e.count, 0);
  if (!left) return null;
  return `${left} of ${selected} selected ${selected === 1 ? 'lead' : 'leads'} will not get it: ${list.map((e) => `${e.count} ${e.label}`).join(', ')}.`;
}
