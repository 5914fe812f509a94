/**
 * Message status → WhatsApp-style tick. Pure, so the node test runner can check it without a DOM.
 * Statuses are the plugin's message statuses, as the REST API returns them in lower case.
 */

/** Statuses after which a message never changes again: polling may stop once every tracked message has one. */
export const FINAL_STATUSES = Object.freeze(['read', 'failed', 'opted_out', 'skipped', 'unknown']);

const CLOCK = { symbol: '\u{1F552}', tone: 'waiting' };

const TICKS = Object.freeze({
  pending: { ...CLOCK, label: 'Pending' },
  queued: { ...CLOCK, label: 'Queued' },
  sending: { ...CLOCK, label: 'Sending' },
  sent: { symbol: '\u2713', tone: 'sent', label: 'Sent' },
  delivered: { symbol: '\u2713\u2713', tone: 'delivered', label: 'Delivered' },
  read: { symbol: '\u2713\u2713', tone: 'read', label: 'Read' },
  failed: { symbol: '!', tone: 'failed', label: 'Failed' },
  opted_out: { symbol: '\u2298', tone: 'failed', label: 'Not sent: the lead opted out' },
  skipped: { symbol: '\u2013', tone: 'muted', label: 'Skipped' },
  unknown: { symbol: '?', tone: 'muted', label: 'Status unknown' },
});

/**
 * The tick to show for a message status: `{symbol, tone, label}`; `label` is what a screen reader says.
 * A status this version does not know is shown as "unknown" rather than hidden.
 */
export function statusTick(status) {
  const key = typeof status === 'string' ? status.toLowerCase() : '';
  return TICKS[key] ?? { ...TICKS.unknown, label: key ? `Status: ${key}` : TICKS.unknown.label };
}

export function isFinalStatus(status) {
  return typeof status === 'string' && FINAL_STATUSES.includes(status.toLowerCase());
}

/**
 * Whether the history should be fetched again: some message sent from this panel (by id) is still
 * missing from the history or not in a final status. Inbound messages never count.
 */
export function needsRefresh(items, trackedIds) {
  if (!trackedIds || trackedIds.size === 0) return false;
  const byId = new Map((items ?? []).map((m) => [m.id, m]));
  for (const id of trackedIds) {
    const message = byId.get(id);
    if (!message || !isFinalStatus(message.status)) return true;
  }
  return false;
}
