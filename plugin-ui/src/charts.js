import { LitElement, css, html, nothing } from 'lit';
import {
  ArcElement, BarController, BarElement, CategoryScale, Chart, LinearScale, LineController, LineElement,
  PieController, PointElement, Tooltip,
} from 'chart.js';
import { barSummary, lineSummary, pieSlices, pieSummary, shortLabel, truncate } from './lib/charts.js';

// Only the parts these three charts use, so esbuild leaves the rest of Chart.js out of the bundle.
Chart.register(ArcElement, BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement,
  PieController, PointElement, Tooltip);

/**
 * The charts of the campaign detail and the analytics dashboard, drawn by Chart.js on a canvas inside the
 * component's shadow root. Every chart is a figure with a caption; the canvas is `role="img"` with a spoken
 * summary as its name, and the numbers are also in a table a screen reader can read (hidden from sight),
 * since a canvas has no content of its own. The legend is HTML so that it wraps and is not repeated to
 * screen readers.
 */

export const SERIES_COLOURS = Object.freeze({
  pending: '#9aa5b1', queued: '#7b8794', sending: '#616e7c', sent: '#52606d', delivered: '#25d366',
  read: '#34b7f1', failed: '#d64545', skipped: '#cbd2d9', opted_out: '#f0b429', unknown: '#e4e7eb',
  responded: '#7c5cff', conversions: '#7c5cff',
});

const PALETTE = ['#128c7e', '#34b7f1', '#f0b429', '#7c5cff', '#d64545', '#52606d'];

/** `series`: `[{key, label, values}]` over `labels` (x axis, e.g. dates). */
export function lineChart({ title, labels, series }) {
  const said = lineSummary(series, labels);
  const config = {
    type: 'line',
    data: {
      labels: labels.map((l) => shortLabel(l)),
      datasets: series.map((s, i) => ({
        label: s.label, data: s.values, borderColor: colour(s.key, i), backgroundColor: colour(s.key, i),
        borderWidth: 2, pointRadius: 2.5, tension: 0,
      })),
    },
    options: axes({ integer: true, single: labels.length === 1 }),
  };
  return figure(title, chart(config, `${title}: ${said}`), legend(series),
    table(['', ...labels], series.map((s) => [s.label, ...s.values])));
}

/** One bar per item: `items` `[{label, value}]`, all in one colour (`key`). */
export function barChart({ title, items, key = 'sent' }) {
  const said = barSummary(items);
  const config = {
    type: 'bar',
    data: {
      labels: items.map((i) => truncate(i.label, 14)),
      datasets: [{ label: title, data: items.map((i) => Number(i.value) || 0), backgroundColor: colour(key), borderRadius: 2, maxBarThickness: 56 }],
    },
    options: axes({ integer: true }),
  };
  return figure(title, chart(config, `${title}: ${said}`), nothing, table(['', 'Value'], items.map((i) => [i.label, i.value])));
}

/** `entries` `[{key, label, value}]`; zero values are left out of the drawing but not of the table. */
export function pieChart({ title, entries }) {
  const slices = pieSlices(entries);
  const config = {
    type: 'pie',
    data: {
      labels: slices.map((s) => s.label),
      datasets: [{
        data: slices.length ? slices.map((s) => s.value) : [1],
        backgroundColor: slices.length ? slices.map((s, i) => colour(s.key, i)) : ['#f1f3f5'],
        // A lone slice is the whole circle: a border would draw its seam from the centre to the top.
        borderColor: '#fff', borderWidth: slices.length > 1 ? 1 : 0,
      }],
    },
    options: { plugins: { tooltip: { enabled: slices.length > 0 } } },
  };
  return figure(title, chart(config, `${title}: ${pieSummary(entries)}`, 'pie'), legend(slices),
    table(['', 'Recipients'], entries.map((e) => [e.label, e.value])));
}

/** `single` (line charts): a lone x value sits in the middle (offset), not on the left edge; bars keep theirs. */
function axes({ integer, single }) {
  return {
    scales: {
      x: { ...(single === undefined ? {} : { offset: single }), grid: { display: false }, ticks: { color: '#52606d', font: { size: 11 }, maxRotation: 0, autoSkipPadding: 12 } },
      y: { beginAtZero: true, grid: { color: '#e4e7eb' }, ticks: { color: '#52606d', font: { size: 11 }, precision: integer ? 0 : undefined } },
    },
  };
}

function chart(config, label, kind = '') {
  return html`<wa-chart class=${kind} .config=${config} .label=${label}></wa-chart>`;
}

function figure(title, drawing, key, data) {
  return html`<figure class="chart">
    <figcaption>${title}</figcaption>
    ${drawing}
    ${key}
    ${data}
  </figure>`;
}

function legend(items) {
  return html`<ul class="legend" aria-hidden="true">
    ${items.map((item, i) => html`<li><span class="swatch" style="background:${colour(item.key, i)}"></span>${item.label}</li>`)}
  </ul>`;
}

function table(head, rows) {
  return html`<table class="visually-hidden">
    <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
    <tbody>${rows.map(([first, ...rest]) => html`<tr><th scope="row">${first}</th>${rest.map((v) => html`<td>${v}</td>`)}</tr>`)}</tbody>
  </table>`;
}

function colour(key, i = 0) {
  return SERIES_COLOURS[key] ?? PALETTE[i % PALETTE.length];
}

/**
 * One Chart.js chart: a canvas in its own shadow root, made when the element is connected, updated in place
 * when its `config` changes (the live campaign detail redraws every few seconds), destroyed when it leaves
 * the page. Animations are off: the data arrive as they happen, and screenshots show the final drawing.
 */
class WaChart extends LitElement {
  static properties = { config: { attribute: false }, label: { attribute: false } };

  static styles = css`
    :host { display: block; position: relative; height: 220px; }
    :host(.pie) { height: 200px; max-width: 220px; margin: 0 auto; }
    canvas { display: block; }
  `;

  #chart = null;

  render() {
    return html`<canvas role="img" aria-label=${this.label ?? ''}></canvas>`;
  }

  updated(changed) {
    if (!changed.has('config') || !this.config) return;
    const options = {
      ...this.config.options, responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { ...this.config.options?.plugins, legend: { display: false } },
    };
    if (this.#chart && this.#chart.config.type === this.config.type) {
      this.#chart.data = this.config.data;
      this.#chart.options = options;
      this.#chart.update('none');
    } else {
      this.#chart?.destroy();
      this.#chart = new Chart(this.renderRoot.querySelector('canvas'), { ...this.config, options });
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.#chart?.destroy();
    this.#chart = null;
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated && this.config && !this.#chart) this.requestUpdate('config');
  }
}

if (!customElements.get('wa-chart')) customElements.define('wa-chart', WaChart);

export const chartStyles = css`
  .chart { margin: 0; min-width: 0; }
  .chart figcaption { font-weight: 600; margin-bottom: 0.25rem; }
  .legend { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; list-style: none; margin: 0.25rem 0 0; padding: 0; font-size: 12px; }
  .legend .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 0.3rem; vertical-align: -1px; }
`;
