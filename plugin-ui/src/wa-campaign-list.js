import { html, nothing } from 'lit';
import { WaElement } from './wa-base.js';
import { pageStyles } from './page.styles.js';
import { progressFromCampaign, statusLabel } from './lib/campaign-progress.js';
import { formatTime } from './lib/timeline.js';

const STATUSES = ['draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled', 'failed'];

/**
 * `<wa-campaign-list>`: the tenant's campaigns, newest first, filtered by status, text and creation
 * dates, a page at a time. Events: `wa-campaign-open` (detail `{id}`) when one is chosen,
 * `wa-campaign-new` from the "New campaign" button (shown when `can-create` is set).
 */
export class WaCampaignList extends WaElement {
  static properties = {
    pageSize: { type: Number, attribute: 'page-size' },
    canCreate: { type: Boolean, attribute: 'can-create' },
    _filters: { state: true },
    _page: { state: true },
    _result: { state: true },
    _loading: { state: true },
    _error: { state: true },
  };

  static styles = [WaElement.styles, pageStyles];

  #generation = 0;
  #searchTimer = null;

  constructor() {
    super();
    this.pageSize = 20;
    this.canCreate = false;
    this._filters = { status: '', q: '', from: '', to: '' };
    this._page = 0;
    this._result = null;
    this._loading = false;
    this._error = null;
  }

  willUpdate(changed) {
    if (['apiBase', 'token', 'tokenProvider', '_filters', '_page', 'pageSize'].some((p) => changed.has(p))) this.reload();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  /** Fetches the current page again (the host may call it after a launch elsewhere). */
  async reload() {
    const generation = ++this.#generation;
    const { status, q, from, to } = this._filters;
    const query = new URLSearchParams({ page: this._page, size: this.pageSize });
    if (status) query.set('status', status);
    if (q) query.set('q', q);
    if (from) query.set('createdFrom', `${from}T00:00:00Z`);
    if (to) query.set('createdTo', `${to}T23:59:59Z`);
    this._loading = true;
    try {
      const result = await this.request('GET', `campaigns?${query}`);
      if (generation === this.#generation) Object.assign(this, { _result: result, _error: null });
    } catch (error) {
      if (generation === this.#generation) this._error = this.reportError(error);
    } finally {
      if (generation === this.#generation) this._loading = false;
    }
  }

  render() {
    const items = this._result?.items ?? [];
    const total = this._result?.total ?? 0;
    const first = total ? this._page * this.pageSize + 1 : 0;
    const last = Math.min((this._page + 1) * this.pageSize, total);
    return html`<section aria-labelledby="title" aria-busy=${this._loading ? 'true' : 'false'}>
      <div class="toolbar">
        <h2 id="title" style="margin-right:auto">Campaigns</h2>
        ${this.canCreate ? html`<button class="primary" type="button" @click=${() => this.#emit('wa-campaign-new', {})}>New campaign</button>` : nothing}
      </div>
      <form class="toolbar" role="search" aria-label="Filter campaigns" @submit=${(e) => e.preventDefault()}>
        <div class="field"><label for="status-filter">Status</label>
          <select id="status-filter" .value=${this._filters.status} @change=${(e) => this.#filter({ status: e.target.value })}>
            <option value="">Any</option>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${this._filters.status === s}>${statusLabel(s)}</option>`)}
          </select>
        </div>
        <label>Search
          <input type="search" .value=${this._filters.q} placeholder="Name" @input=${this.#onSearch}>
        </label>
        <label>Created from <input type="date" .value=${this._filters.from} @change=${(e) => this.#filter({ from: e.target.value })}></label>
        <label>Created to <input type="date" .value=${this._filters.to} @change=${(e) => this.#filter({ to: e.target.value })}></label>
      </form>
      ${this.renderError(this._error, { onDismiss: () => (this._error = null) })}
      <table aria-describedby="paging">
        <thead><tr>
          <th scope="col">Name</th><th scope="col">Status</th><th scope="col">Progress</th>
          <th scope="col">Next run</th><th scope="col">Created</th>
        </tr></thead>
        <tbody>
          ${items.map((c) => this.#row(c))}
          ${!items.length && !this._loading ? html`<tr><td colspan="5" class="muted">No campaigns match.</td></tr>` : nothing}
        </tbody>
      </table>
      <nav class="paging" aria-label="Campaign pages">
        <button type="button" ?disabled=${this._page === 0} @click=${() => (this._page -= 1)}>‹ Previous</button>
        <span id="paging" aria-live="polite">${first}–${last} of ${total}</span>
        <button type="button" ?disabled=${last >= total} @click=${() => (this._page += 1)}>Next ›</button>
      </nav>
    </section>`;
  }

  #row(campaign) {
    const progress = progressFromCampaign(campaign);
    return html`<tr>
      <td><button class="link" type="button" @click=${() => this.#emit('wa-campaign-open', { id: campaign.id })}>${campaign.name}</button></td>
      <td><span class="badge ${campaign.status.toLowerCase()}">${statusLabel(campaign.status)}</span></td>
      <td>${progress.total ? html`<progress max="100" value=${progress.percent} aria-label="${campaign.name} progress"></progress>
          ${progress.done} / ${progress.total}` : html`<span class="muted">—</span>`}</td>
      <td>${campaign.nextRunAt ? formatTime(campaign.nextRunAt) : '—'}</td>
      <td>${formatTime(campaign.createdAt)}</td>
    </tr>`;
  }

  #onSearch(event) {
    clearTimeout(this.#searchTimer);
    const q = event.target.value.trim();
    this.#searchTimer = setTimeout(() => this.#filter({ q }), 300);
  }

  #filter(change) {
    this._filters = { ...this._filters, ...change };
    this._page = 0;
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

if (!customElements.get('wa-campaign-list')) customElements.define('wa-campaign-list', WaCampaignList);
