/** History list helpers: ordering, merging pages and fresh answers, and times. */

const time = (message) => Date.parse(message.createdAt ?? '') || 0;

/** Newest first; equal times keep the server's order. */
export function newestFirst(items) {
  return [...(items ?? [])].sort((a, b) => time(b) - time(a));
}

/**
 * Merge messages into the list by id: a fresh copy replaces the old one (its status moved on),
 * new ones are added, and the result is newest first. Neither input is changed.
 */
export function mergeMessages(current, incoming) {
  const byId = new Map((current ?? []).map((m) => [m.id, m]));
  for (const message of incoming ?? []) byId.set(message.id, message);
  return newestFirst([...byId.values()]);
}

/** The timestamps a message has, as `[label, iso]` pairs, for the details under its tick. */
export function statusTimes(message) {
  return [
    ['Created', message.createdAt],
    ['Sent', message.sentAt],
    ['Delivered', message.deliveredAt],
    ['Read', message.readAt],
    ['Failed', message.failedAt],
  ].filter(([, iso]) => Boolean(iso));
}

/** A short local date and time; an unparsable value is shown as it came rather than as "Invalid Date". */
export function formatTime(iso, { locale, timeZone } = {}) {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return iso ?? '';
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
  } catch {
    return date.toISOString();
  }
}
