import { css, html, svg, nothing } from 'lit';
import { barLayout, linePath, linePoints, niceTicks, pieSlices } from './lib/charts.js';

/**
 * Small SVG charts as Lit templates: a line chart over time, a bar chart, a pie chart. Plain SVG is
 * enough for these few shapes and keeps the bundle small; the geometry lives in lib/charts.js. Every
 * chart is a figure with a caption, `role="img"` with a spoken summary, and the numbers in a table a
 * screen reader can read (hidden from sight).
 */

export const SERIES_COLOURS = Object.freeze({
  pending: '#9aa5b1', queued: '#7b8794', sending: '#616e7c', sent: '#52606d', delivered: '#25d366',
  read: '#34b7f1', failed: '#d64545', skipped: '#cbd2d9', opted_out: '#f0b429', unknown: '#e4e7eb',
  responded: '#7c5cff', conversions: '#7c5cff',
});

const W = 560;
const H = 200;
const PAD = { top: 12, right: 12, bottom: 28, left: 40 };

/** `series`: `[{key, label, values}]` over `labels` (x axis, e.g. dates). */
export function lineChart({ title, labels, series }) {
  const plot = { width: W - PAD.left - PAD.right, height: H - PAD.top - PAD.bottom };
  const { max, ticks } = niceTicks(Math.max(0, ...series.flatMap((s) => s.values)));
  const every = Math.max(1, Math.ceil(labels.length / 6));
  const xs = linePoints(labels.map(() => 0), { ...plot, max });
  return figure(title, summary(series, labels), html`
    <svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${`${title}: ${summary(series, labels)}`} preserveAspectRatio="xMidYMid meet">
      <g transform="translate(${PAD.left} ${PAD.top})">
        ${yAxis(ticks, max, plot)}
        ${labels.map((label, i) => (i % every === 0 || i === labels.length - 1)
          ? svg`<text class="tick" x=${xs[i].x} y=${plot.height + 18}
            text-anchor=${labels.length > 1 && i === 0 ? 'start' : labels.length > 1 && i === labels.length - 1 ? 'end' : 'middle'}>${shortLabel(label)}</text>` : nothing)}
        ${series.map((s) => {
          const points = linePoints(s.values, { ...plot, max });
          return svg`<path d=${linePath(points)} fill="none" stroke=${colour(s.key)} stroke-width="2"></path>
            ${points.map((p) => svg`<circle cx=${p.x} cy=${p.y} r="2.5" fill=${colour(s.key)}></circle>`)}`;
        })}
      </g>
    </svg>`, legend(series), table(['', ...labels], series.map((s) => [s.label, ...s.values])));
}

/** One bar per item: `items` `[{label, value}]`, all in one colour (`key`). */
export function barChart({ title, items, key = 'sent' }) {
  const plot = { width: W - PAD.left - PAD.right, height: H - PAD.top - PAD.bottom };
  const { max, ticks } = niceTicks(Math.max(0, ...items.map((i) => i.value)));
  const bars = barLayout(items.map((i) => i.value), { ...plot, max });
  const said = items.map((i) => `${i.label} ${i.value}`).join(', ');
  return figure(title, said, html`
    <svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${`${title}: ${said || 'no data'}`} preserveAspectRatio="xMidYMid meet">
      <g transform="translate(${PAD.left} ${PAD.top})">
        ${yAxis(ticks, max, plot)}
        ${bars.map((b, i) => svg`<rect x=${b.x} y=${b.y} width=${b.width} height=${b.height} rx="2" fill=${colour(key)}>
            <title>${items[i].label}: ${b.value}</title></rect>
          <text class="tick" x=${b.x + b.width / 2} y=${plot.height + 18} text-anchor="middle">${truncate(items[i].label, 14)}</text>`)}
      </g>
    </svg>`, nothing, table(['', 'Value'], items.map((i) => [i.label, i.value])));
}

/** `entries` `[{key, label, value}]`; zero values are left out of the drawing but not of the table. */
export function pieChart({ title, entries }) {
  const slices = pieSlices(entries, 80);
  const said = slices.map((s) => `${s.label} ${s.value} (${Math.round(s.fraction * 100)}%)`).join(', ');
  return figure(title, said, html`
    <svg viewBox="-90 -90 180 180" class="pie" role="img" aria-label=${`${title}: ${said || 'nothing yet'}`}>
      ${slices.length ? slices.map((s) => svg`<path d=${s.path} fill=${colour(s.key)} stroke="#fff" stroke-width="1">
          <title>${s.label}: ${s.value}</title></path>`)
        : svg`<circle r="80" fill="#f1f3f5"></circle>`}
    </svg>`, legend(slices), table(['', 'Recipients'], entries.map((e) => [e.label, e.value])));
}

function yAxis(ticks, max, plot) {
  return ticks.map((t) => {
    const y = plot.height - (t / max) * plot.height;
    return svg`<line class="grid" x1="0" x2=${plot.width} y1=${y} y2=${y}></line>
      <text class="tick" x="-6" y=${y + 4} text-anchor="end">${t}</text>`;
  });
}

function figure(title, said, chart, key, data) {
  return html`<figure class="chart">
    <figcaption>${title}</figcaption>
    ${chart}
    ${key}
    ${data}
  </figure>`;
}

function legend(items) {
  return html`<ul class="legend" aria-hidden="true">
    ${items.map((i) => html`<li><span class="swatch" style="background:${colour(i.key)}"></span>${i.label}</li>`)}
  </ul>`;
}

function table(head, rows) {
  return html`<table class="visually-hidden">
    <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
    <tbody>${rows.map(([first, ...rest]) => html`<tr><th scope="row">${first}</th>${rest.map((v) => html`<td>${v}</td>`)}</tr>`)}</tbody>
  </table>`;
}

function summary(series, labels) {
  if (!labels.length) return 'no data';
  return series.map((s) => `${s.label} ${s.values.reduce((a, b) => a + b, 0)} in total`).join(', ');
}

function colour(key) {
  return SERIES_COLOURS[key] ?? '#128c7e';
}

/** "2026-03-01" → "03-01"; ISO times → "03-01 09:00". */
function shortLabel(label) {
  const text = String(label);
  const m = /^\d{4}-(\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(text);
  return m ? (m[2] ? `${m[1]} ${m[2]}` : m[1]) : truncate(text, 10);
}

function truncate(text, n) {
  const s = String(text ?? '');
  return s.length > n ? `${s.slice(0, n - 1)}\u2026` : s;
}

export const chartStyles = css`
  .chart { margin: 0; min-width: 0; }
  .chart figcaption { font-weight: 600; margin-bottom: 0.25rem; }
  .chart svg { width: 100%; height: auto; max-height: 240px; display: block; }
  .chart svg.pie { max-width: 200px; margin: 0 auto; }
  .chart .grid { stroke: #e4e7eb; stroke-width: 1; }
  .chart .tick { font-size: 11px; fill: #52606d; }
  .legend { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; list-style: none; margin: 0.25rem 0 0; padding: 0; font-size: 12px; }
  .legend .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 0.3rem; vertical-align: -1px; }
`;
