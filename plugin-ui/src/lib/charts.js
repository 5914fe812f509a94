/**
 * What the charts say, as plain data: the spoken summaries, the slices a pie shows, axis labels and rate
 * formatting. Pure (no DOM), so the node test runner checks it; `src/charts.js` hands the data to
 * Chart.js and puts these summaries on the canvas and in the hidden tables.
 */

/** The sum of every series over the whole range: "Sent 12 in total, Read 4 in total"; "no data" for no labels. */
export function lineSummary(series, labels) {
  if (!labels?.length) return 'no data';
  return series.map((s) => `${s.label} ${s.values.reduce((a, b) => a + (Number(b) || 0), 0)} in total`).join(', ');
}

/** "Spring sale 80, Webinar 35"; "no data" for no items. */
export function barSummary(items) {
  return items?.length ? items.map((i) => `${i.label} ${Number(i.value) || 0}`).join(', ') : 'no data';
}

/**
 * The slices a pie draws: zero values left out (they stay in the table), each with its share of the
 * total, so the summary reads "Read 3 (60%), Failed 2 (40%)".
 */
export function pieSlices(entries) {
  const shown = (entries ?? []).filter((e) => Number(e.value) > 0);
  const total = shown.reduce((sum, e) => sum + Number(e.value), 0);
  return shown.map((e) => ({ ...e, value: Number(e.value), fraction: Number(e.value) / total }));
}

export function pieSummary(entries) {
  const slices = pieSlices(entries);
  return slices.length
    ? slices.map((s) => `${s.label} ${s.value} (${Math.round(s.fraction * 100)}%)`).join(', ')
    : 'nothing yet';
}

/** "2026-03-01" → "03-01"; ISO times → "03-01 09:00"; anything else shortened to `n` characters. */
export function shortLabel(label, n = 10) {
  const text = String(label ?? '');
  const m = /^\d{4}-(\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(text);
  return m ? (m[2] ? `${m[1]} ${m[2]}` : m[1]) : truncate(text, n);
}

export function truncate(text, n) {
  const s = String(text ?? '');
  return s.length > n ? `${s.slice(0, n - 1)}\u2026` : s;
}

/** A share 0..1 as "12.3%"; null or not a number as an em dash. */
export function formatRate(rate, digits = 1) {
  if (rate === null || rate === undefined || !Number.isFinite(Number(rate))) return '\u2014';
  return `${(Number(rate) * 100).toFixed(digits)}%`;
}
