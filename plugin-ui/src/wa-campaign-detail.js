import { css, html, nothing } from 'lit';
import { WaElement } from './wa-base.js';
import { pageStyles } from './page.styles.js';
import { chartStyles, lineChart, pieChart } from './charts.js';
import { CampaignWatch } from './campaign-watch.js';
import { errorTable, failedTable, groupErrors } from './campaign-detail-tables.js';
import { ACTION_LABELS, RECIPIENT_STATUSES, actionRequest, actionsFor, isLive, progressFromCampaign, statusLabel } from './lib/campaign-progress.js';
import { formatRate } from './lib/charts.js';
import { formatTime } from './lib/timeline.js';

const FAILED_PAGE = 20;

/**
 * `<wa-campaign-detail campaign-id="...">`: one campaign — a live progress bar (the progress stream,
 * else polling), recipients by status (pie), sends over time (line), errors by code, the failed
 * recipients with a retry, pause / resume / cancel, and a CSV export. Events: `wa-campaign-changed`
 * (detail `{action, campaign}`) after an action, `wa-error`.
 */
export class WaCampaignDetail extends WaElement {
  static properties = {
    campaignId: { type: String, attribute: 'campaign-id' },
    _campaign: { state: true },
    _progress: { state: true },
    _stats: { state: true },
    _statsMissing: { state: true },
    _failed: { state: true },
    _error: { state: true },
    _busy: { state: true },
    _confirmCancel: { state: true },
    _retryAll: { state: true },
  };

  static styles = [WaElement.styles, pageStyles, chartStyles, css`
    .head { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
    .head h2 { margin: 0; }
    .bar { height: 14px; background: #eef1f4; border-radius: 7px; overflow: hidden; margin: 0.5rem 0 0.25rem; }
    .bar > div { height: 100%; background: var(--wa-accent); }
    .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.75rem 0; }
    .confirm { background: #fffbea; border: 1px solid #f0b429; border-radius: 6px; padding: 0.5rem; display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
  `];

  #watch = null;
  #statsAt = 0;

  constructor() {
    super();
    this.campaignId = '';
    this.#reset();
  }

  #reset() {
    Object.assign(this, { _campaign: null, _progress: null, _stats: null, _statsMissing: false, _failed: null, _error: null,
      _busy: false, _confirmCancel: false, _retryAll: false });
  }

  willUpdate(changed) {
    if (['campaignId', 'apiBase', 'token', 'tokenProvider'].some((p) => changed.has(p)) && this.campaignId) this.#load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.#watch?.stop();
  }

  updated(changed) {
    this.moveConfirmFocus(changed, '_confirmCancel', 'button.danger');
  }

  async #load() {
    this.#watch?.stop();
    this.#reset();
    try {
      this.#show(await this.request('GET', this.#path()));
    } catch (error) {
      this._error = this.reportError(error);
      return;
    }
    this.#loadStats();
    this.#loadFailed();
    this.#follow();
  }

  #path(suffix = '') {
    return `campaigns/${WaElement.segment(this.campaignId)}${suffix}`;
  }

  #show(campaign) {
    this._campaign = campaign;
    this._progress = progressFromCampaign(campaign);
  }

  /** Watches while the campaign can move by itself; a finished run gets its final figures once. */
  #follow() {
    this.#watch?.stop();
    if (!isLive(this._campaign?.status)) return;
    this.#watch = new CampaignWatch(this, this.campaignId, {
      onProgress: (progress, campaign) => this.#onProgress(progress, campaign),
      onError: (error) => (this._error = this.reportError(error)),
    });
    this.#watch.start();
  }

  #onProgress(progress, campaign) {
    const before = this._progress;
    this._progress = progress;
    if (campaign) this._campaign = campaign;
    else if (this._campaign) this._campaign = { ...this._campaign, status: progress.status, statusReason: progress.statusReason };
    const finished = !isLive(progress.status);
    if (finished) this.#watch?.stop();
    if (finished || Date.now() - this.#statsAt > 5000 || before?.status !== progress.status) {
      this.#loadStats();
      if (finished || progress.counts.failed !== before?.counts?.failed) this.#loadFailed();
    }
    if (finished && !campaign) this.#refreshCampaign();
  }

  async #refreshCampaign() {
    try {
      this.#show(await this.request('GET', this.#path()));
    } catch (error) {
      this._error = this.reportError(error);
    }
  }

  async #loadStats() {
    this.#statsAt = Date.now();
    try {
      this._stats = await this.request('GET', this.#path('/stats'));
      this._statsMissing = false;
    } catch (error) {
      // A server without the statistics endpoint: the view falls back to the campaign's own counters.
      if (error.status === 404 && this._campaign) this._statsMissing = true;
      else this._error = this.reportError(error);
    }
  }

  async #loadFailed() {
    try {
      this._failed = await this.request('GET', this.#path(`/recipients?status=failed&size=${FAILED_PAGE}`));
    } catch (error) {
      this._error = this.reportError(error);
    }
  }

  async #act(action) {
    this._busy = true;
    this._confirmCancel = false;
    try {
      const query = action === 'retry-failed' && this._retryAll ? '?all=true' : '';
      const { method, path } = actionRequest(action);
      const campaign = await this.request(method, this.#path(`/${path}${query}`));
      this.#show(campaign);
      this._error = null;
      this.dispatchEvent(new CustomEvent('wa-campaign-changed', { detail: { action, campaign }, bubbles: true, composed: true }));
      this.#loadStats();
      this.#loadFailed();
      this.#follow();
    } catch (error) {
      this._error = this.reportError(error);
    } finally {
      this._busy = false;
    }
  }

  /** The export needs the bearer header, so it is fetched and handed to the browser as a file. */
  async #export() {
    try {
      const response = await this.fetchApi('GET', this.#path('/export'), { accept: 'text/csv' });
      const url = URL.createObjectURL(await response.blob());
      const link = Object.assign(document.createElement('a'), { href: url, download: `campaign-${this.campaignId}.csv` });
      this.renderRoot.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this._error = this.reportError(error);
    }
  }

  render() {
    const c = this._campaign;
    if (!c) return html`<section aria-busy="true">${this.renderError(this._error)}${this._error ? nothing : html`<p class="muted">Loading…</p>`}</section>`;
    const p = this._progress;
    return html`<section aria-labelledby="detail-title">
      <div class="head">
        <h2 id="detail-title">${c.name}</h2>
        <span class="badge ${p.status.toLowerCase()}" id="campaign-status">${statusLabel(p.status)}</span>
        ${c.statusReason ? html`<span class="muted">${c.statusReason}</span>` : nothing}
      </div>
      ${c.description ? html`<p class="muted">${c.description}</p>` : nothing}
      ${this.#renderProgress(p)}
      ${this.#renderActions(p)}
      ${this.renderError(this._error, { onDismiss: () => (this._error = null) })}
      ${this.#renderRates()}
      <div class="grid2">
        ${pieChart({ title: 'Recipients by status', entries: this.#statusEntries(p) })}
        ${this.#renderTimeline()}
      </div>
      ${this.#renderErrors()}
      ${this.#renderFailed()}
    </section>`;
  }

  #renderProgress(p) {
    const waiting = p.waitingUntil ? ` · waiting for the send window until ${formatTime(p.waitingUntil)}` : '';
    const rate = p.ratePerMinute ? ` · ${Math.round(p.ratePerMinute)} a minute` : '';
    const eta = p.estimatedCompletionAt && isLive(p.status) ? ` · done about ${formatTime(p.estimatedCompletionAt)}` : '';
    return html`<div class="bar" role="progressbar" aria-label="Campaign progress" aria-valuemin="0" aria-valuemax="100"
        aria-valuenow=${p.percent} aria-valuetext="${p.done} of ${p.total} recipients done">
        <div style="width:${p.percent}%"></div></div>
      <p class="muted" id="progress-text" aria-live="polite">${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')}
        recipients done (${p.percent}%)${rate}${eta}${waiting}</p>`;
  }

  #renderActions(p) {
    const actions = actionsFor(p.status, { failed: p.counts.failed });
    return html`<div class="actions" role="group" aria-label="Campaign actions">
      ${actions.map((a) => a === 'cancel'
        ? html`<button type="button" class="danger" ?disabled=${this._busy} @click=${() => (this._confirmCancel = true)}>${ACTION_LABELS[a]}</button>`
        : html`<button type="button" class=${a === 'pause' ? '' : 'primary'} ?disabled=${this._busy} @click=${() => this.#act(a)}>${ACTION_LABELS[a]}</button>`)}
      ${actions.includes('retry-failed') ? html`<label class="inline"><input type="checkbox" .checked=${this._retryAll}
        @change=${(e) => (this._retryAll = e.target.checked)}> Also errors that are not temporary</label>` : nothing}
      <button type="button" @click=${this.#export}>Export CSV</button>
    </div>
    ${this._confirmCancel ? html`<div class="confirm" role="alertdialog" aria-labelledby="confirm-text"
      @keydown=${(e) => e.key === 'Escape' && (this._confirmCancel = false)}>
      <span id="confirm-text">Cancel this campaign? Recipients not yet sent are skipped; this cannot be undone.</span>
      <button type="button" class="danger" @click=${() => this.#act('cancel')}>Yes, cancel it</button>
      <button type="button" @click=${() => (this._confirmCancel = false)}>Keep it</button>
    </div>` : nothing}`;
  }

  #statusEntries(p) {
    const counts = this._stats?.counts ? { ...p.counts, ...lower(this._stats.counts) } : p.counts;
    return RECIPIENT_STATUSES.map((s) => ({ key: s, label: statusLabel(s), value: counts[s] ?? 0 }));
  }

  #renderRates() {
    const rates = this._stats?.rates;
    if (!rates) return nothing;
    const cards = [['delivery', 'Delivered'], ['read', 'Read'], ['response', 'Replied'], ['failure', 'Failed'], ['conversion', 'Converted']];
    return html`<div class="cards">${cards.map(([key, label]) => html`<div class="card metric">
      <div class="value">${formatRate(rates[key])}</div><div class="label">${label}</div></div>`)}</div>`;
  }

  #renderTimeline() {
    const points = this._stats?.timeline?.points ?? [];
    if (!points.length) {
      return html`<figure class="chart"><figcaption>Sends over time</figcaption><p class="muted">${this._statsMissing
        ? 'This server does not report statistics over time yet.' : 'Nothing sent yet.'}</p></figure>`;
    }
    return lineChart({
      title: `Sends per ${this._stats.timeline.bucket ?? 'hour'}`,
      labels: points.map((pt) => pt.at),
      series: ['sent', 'delivered', 'read', 'failed'].map((key) => ({ key, label: statusLabel(key), values: points.map((pt) => pt[key] ?? 0) })),
    });
  }

  /** Errors by code from the statistics, else grouped from the failed recipients on hand. */
  #renderErrors() {
    return errorTable(this._stats?.errors ?? groupErrors(this._failed?.items ?? []));
  }

  #renderFailed() {
    return failedTable(this._failed);
  }
}

function lower(counts) {
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k.toLowerCase(), Number(v) || 0]));
}

if (!customElements.get('wa-campaign-detail')) customElements.define('wa-campaign-detail', WaCampaignDetail);
