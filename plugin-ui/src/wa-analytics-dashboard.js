import { css, html, nothing } from 'lit';
import { WaElement } from './wa-base.js';
import { pageStyles } from './page.styles.js';
import { barChart, chartStyles, lineChart } from './charts.js';
import { formatRate } from './lib/charts.js';
import { statusLabel } from './lib/campaign-progress.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `<wa-analytics-dashboard>`: the `nav.analytics` page for a date range (attributes `from`, `to`,
 * YYYY-MM-DD; default the last 30 days): metric cards, messages per day, sends per campaign, top
 * templates by use and by read rate, conversions per campaign, sender health over time. Reads
 * `GET /analytics?from=&to=`. Events: `wa-campaign-open` (detail `{id}`) from a campaign's name, `wa-error`.
 */
export class WaAnalyticsDashboard extends WaElement {
  static properties = {
    from: { type: String },
    to: { type: String },
    _data: { state: true },
    _loading: { state: true },
    _error: { state: true },
  };

  static styles = [WaElement.styles, pageStyles, chartStyles, css`
    .grid2 > * { min-width: 0; }
    ol.top { margin: 0; padding-left: 1.2rem; }
  `];

  #generation = 0;

  constructor() {
    super();
    const today = new Date();
    this.to = isoDate(today);
    this.from = isoDate(new Date(today.getTime() - 29 * DAY_MS));
    Object.assign(this, { _data: null, _loading: false, _error: null });
  }

  willUpdate(changed) {
    if (['apiBase', 'token', 'tokenProvider', 'from', 'to'].some((p) => changed.has(p))) this.reload();
  }

  async reload() {
    const generation = ++this.#generation;
    this._loading = true;
    try {
      const data = await this.request('GET', `analytics?${new URLSearchParams({ from: this.from, to: this.to })}`);
      if (generation === this.#generation) Object.assign(this, { _data: data, _error: null });
    } catch (error) {
      if (generation === this.#generation) Object.assign(this, { _data: null, _error: this.reportError(error) });
    } finally {
      if (generation === this.#generation) this._loading = false;
    }
  }

  render() {
    const d = this._data;
    return html`<section aria-labelledby="analytics-title" aria-busy=${this._loading ? 'true' : 'false'}>
      <form class="toolbar" aria-label="Date range" @submit=${(e) => e.preventDefault()}>
        <h2 id="analytics-title" style="margin-right:auto">WhatsApp analytics</h2>
        <label>From <input type="date" .value=${this.from} max=${this.to} @change=${(e) => e.target.value && (this.from = e.target.value)}></label>
        <label>To <input type="date" .value=${this.to} min=${this.from} @change=${(e) => e.target.value && (this.to = e.target.value)}></label>
      </form>
      ${this.renderError(this._error)}
      ${d ? this.#renderData(d) : nothing}
    </section>`;
  }

  #renderData(d) {
    const t = d.totals ?? {};
    const conversions = (d.conversions ?? []).reduce((sum, c) => sum + (c.count ?? 0), 0);
    const cards = [
      ['Sent', num(t.sent)], ['Delivered', num(t.delivered)], ['Read', num(t.read)], ['Failed', num(t.failed)],
      ['Delivery rate', formatRate(t.rates?.delivery)], ['Read rate', formatRate(t.rates?.read)],
      ['Reply rate', formatRate(t.rates?.response)], ['Conversions', num(conversions)],
    ];
    const daily = d.daily ?? [];
    const campaigns = d.campaigns ?? [];
    return html`
      <div class="cards" role="list" aria-label="Totals">${cards.map(([label, value]) => html`<div class="card metric" role="listitem">
        <div class="value">${value}</div><div class="label">${label}</div></div>`)}</div>
      <div class="grid2">
        ${lineChart({ title: 'Messages per day', labels: daily.map((p) => p.date),
          series: ['sent', 'delivered', 'read', 'failed'].map((key) => ({ key, label: statusLabel(key), values: daily.map((p) => p[key] ?? 0) })) })}
        ${barChart({ title: 'Sent per campaign', items: campaigns.slice(0, 12).map((c) => ({ label: c.name, value: c.sent ?? 0 })) })}
      </div>
      ${this.#campaignTable(campaigns)}
      <div class="grid2">
        ${this.#topTemplates(d.topTemplates ?? {})}
        ${this.#conversions(d.conversions ?? [])}
      </div>
      ${this.#senders(d.senders ?? [])}`;
  }

  #campaignTable(campaigns) {
    if (!campaigns.length) return html`<p class="muted">No campaign sent in these dates.</p>`;
    return html`<h3 id="campaigns-title">Campaigns</h3><table aria-labelledby="campaigns-title">
      <thead><tr><th scope="col">Campaign</th><th scope="col">Status</th><th scope="col" class="num">Sent</th>
        <th scope="col" class="num">Delivered</th><th scope="col" class="num">Read</th><th scope="col" class="num">Failed</th>
        <th scope="col" class="num">Read rate</th><th scope="col" class="num">Conversions</th></tr></thead>
      <tbody>${campaigns.map((c) => html`<tr>
        <td><button type="button" class="link" @click=${() => this.dispatchEvent(new CustomEvent('wa-campaign-open',
          { detail: { id: c.id }, bubbles: true, composed: true }))}>${c.name}</button></td>
        <td>${c.status ? html`<span class="badge ${String(c.status).toLowerCase()}">${statusLabel(c.status)}</span>` : nothing}</td>
        <td class="num">${num(c.sent)}</td><td class="num">${num(c.delivered)}</td><td class="num">${num(c.read)}</td>
        <td class="num">${num(c.failed)}</td><td class="num">${formatRate(c.rates?.read)}</td><td class="num">${num(c.conversions)}</td>
      </tr>`)}</tbody></table>`;
  }

  #topTemplates({ byUse = [], byReadRate = [] }) {
    return html`<div><h3>Top templates</h3>
      <div class="grid2">
        <div><h4 id="by-use">By use</h4>${byUse.length ? html`<ol class="top" aria-labelledby="by-use">
          ${byUse.map((t) => html`<li>${t.name} <span class="muted">${num(t.sent)} sent</span></li>`)}</ol>` : html`<p class="muted">None</p>`}</div>
        <div><h4 id="by-read">By read rate</h4>${byReadRate.length ? html`<ol class="top" aria-labelledby="by-read">
          ${byReadRate.map((t) => html`<li>${t.name} <span class="muted">${formatRate(t.readRate)} read</span></li>`)}</ol>` : html`<p class="muted">None</p>`}</div>
      </div></div>`;
  }

  #conversions(conversions) {
    if (!conversions.length) return html`<div><h3>Conversions</h3><p class="muted">No lead became a customer after a campaign in these dates.</p></div>`;
    return barChart({ title: 'Conversions per campaign', key: 'conversions', items: conversions.map((c) => ({ label: c.name, value: c.count ?? 0 })) });
  }

  #senders(senders) {
    const dates = [...new Set(senders.flatMap((s) => (s.points ?? []).map((p) => p.date)))].sort();
    if (!dates.length) return nothing;
    return lineChart({ title: 'Sender health', labels: dates, series: senders.map((s) => {
      const byDate = new Map((s.points ?? []).map((p) => [p.date, p.health]));
      return { key: s.senderId, label: s.name, values: dates.map((date) => byDate.get(date) ?? 0) };
    }) });
  }
}

function num(value) {
  return Number.isFinite(Number(value)) ? Number(value).toLocaleString('en-US') : '\u2014';
}

function isoDate(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

if (!customElements.get('wa-analytics-dashboard')) customElements.define('wa-analytics-dashboard', WaAnalyticsDashboard);
