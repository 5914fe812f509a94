import { html, css, nothing } from 'lit';
import { WaElement } from './wa-base.js';
import { defaultBindings, parameterKeys, renderTemplate, resolveAll, sendable } from './lib/templates.js';
import { campaignProgress, exclusionSummary } from './lib/progress.js';
import { formStyles, previewStyles, renderPreview } from './whatsapp-preview.js';
import { renderVariableFields } from './variable-fields.js';

const POLL_INTERVAL_MS = 1500;

/**
 * `<wa-bulk-send lead-ids="1,2,3" api-base="..." token="...">`: the lead list's bulk action. A modal
 * dialog (opened with `show()` or the `open` attribute) that sends one approved template to the
 * selected leads: variables read from each lead, how many are left out and why (the audience
 * preview), a preview, then the send's progress (the ad-hoc campaign's progress stream, or its view polled). The selection may
 * also be set as the `leadIds` property (an array).
 * Events: `wa-bulk-sent` (detail: the campaign as created), `wa-bulk-finished` (detail: the
 * campaign when it completed), `wa-error`.
 */
export class WaBulkSend extends WaElement {
  static properties = {
    leadIds: {
      attribute: 'lead-ids',
      converter: { fromAttribute: (v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []), toAttribute: (v) => (v ?? []).join(',') },
    },
    open: { type: Boolean, reflect: true },
    _templates: { state: true },
    _templateId: { state: true },
    _bindings: { state: true },
    _audience: { state: true },
    _campaign: { state: true },
    _sending: { state: true },
    _error: { state: true },
  };

  static styles = [WaElement.styles, formStyles, previewStyles, css`
    dialog { width: min(46rem, 95vw); border: 1px solid #d8dee4; border-radius: 10px; padding: 1rem 1.25rem; }
    dialog::backdrop { background: rgba(15, 23, 42, 0.45); }
    h2 { margin: 0 0 0.75rem; font-size: 1.05rem; color: var(--wa-accent); }
    .cols { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 20rem); gap: 1rem; align-items: start; }
    @media (max-width: 40rem) { .cols { grid-template-columns: 1fr; } }
    .count { margin: 0 0 0.5rem; }
    .actions { display: flex; justify-content: flex-end; gap: 0.5rem; margin-top: 0.75rem; }
    progress { width: 100%; height: 1rem; }
    .figures { display: flex; gap: 1rem; flex-wrap: wrap; color: #5f6b7a; font-size: 0.9em; }
  `];

  #timer = null;
  #source = null;
  #generation = 0;

  constructor() {
    super();
    this.leadIds = [];
    this.open = false;
    this._templates = [];
    this._templateId = '';
    this._bindings = {};
    this._audience = null;
    this._campaign = null;
    this._sending = false;
    this._error = null;
  }

  /** Opens the dialog for the current selection. */
  show() {
    this.open = true;
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.#stopFollowing();
  }

  #stopFollowing() {
    clearTimeout(this.#timer);
    this.#source?.close();
    this.#source = null;
  }

  willUpdate(changed) {
    if (!changed.has('open')) return;
    if (this.open) {
      this.#start();
    } else {
      this.#generation++; // a closed dialog stops following the send; the send itself goes on
      this.#stopFollowing();
    }
  }

  updated(changed) {
    const dialog = this.renderRoot.querySelector('dialog');
    if (!changed.has('open') || !dialog) return;
    if (this.open && !dialog.open) dialog.showModal();
    if (!this.open && dialog.open) dialog.close();
  }

  render() {
    return html`<dialog aria-labelledby="bulk-title" @close=${this.#onClose} @cancel=${this.#onClose}>
      <h2 id="bulk-title">Send a WhatsApp template to ${this.leadIds.length} selected ${this.leadIds.length === 1 ? 'lead' : 'leads'}</h2>
      ${this.renderError(this._error, { id: 'bulk-error', onDismiss: () => (this._error = null) })}
      ${this._campaign ? this.#renderProgress() : this.#renderForm()}
    </dialog>`;
  }

  #renderForm() {
    const templates = sendable(this._templates);
    const template = templates.find((t) => t.id === this._templateId) ?? null;
    const excluded = exclusionSummary(this.leadIds.length, this._audience);
    return html`<form @submit=${this.#send}>
      <p class="count" role="status">
        ${this._audience ? html`<strong>${this._audience.count}</strong> of ${this.leadIds.length} will receive it.` : 'Counting recipients…'}
      </p>
      ${excluded ? html`<p class="notice" id="bulk-excluded">${excluded}</p>` : nothing}
      <div class="cols">
        <div>
          <div class="field">
            <label for="bulk-template">Approved template</label>
            <select id="bulk-template" @change=${(e) => this.#choose(e.target.value)}>
              <option value="">${templates.length ? 'Choose an approved template…' : 'No approved templates'}</option>
              ${templates.map((t) => html`<option value=${t.id} ?selected=${t.id === this._templateId}>${t.name} (${t.language})</option>`)}
            </select>
          </div>
          ${template ? renderVariableFields({ keys: parameterKeys(template), bindings: this._bindings, lead: null, idPrefix: 'bulk-var',
            onChange: (key, binding) => (this._bindings = { ...this._bindings, [key]: binding }) }) : nothing}
        </div>
        ${template ? renderPreview(renderTemplate(template, resolveAll(this._bindings, null)), { label: 'Preview; lead fields are filled for each lead' }) : nothing}
      </div>
      <div class="actions">
        <button type="button" class="secondary" @click=${() => (this.open = false)}>Cancel</button>
        <button type="submit" class="primary" ?disabled=${!template || this._sending || !this._audience?.count}>
          ${this._sending ? 'Sending…' : `Send to ${this._audience?.count ?? '…'}`}
        </button>
      </div>
    </form>`;
  }

  #renderProgress() {
    const p = campaignProgress(this._campaign);
    return html`<div aria-live="polite">
      <p id="bulk-progress-label">${p.finished ? `Finished: ${this._campaign.status.toLowerCase()}.` : 'Sending…'} ${p.done} of ${p.total} done.</p>
      <progress aria-labelledby="bulk-progress-label" max=${p.total || 1} value=${p.done}></progress>
      <p class="figures"><span>Delivered ${p.delivered}</span><span>Read ${p.read}</span><span>Failed ${p.failed}</span></p>
      <div class="actions">
        <button type="button" class="primary" @click=${() => (this.open = false)}>${p.finished ? 'Close' : 'Close (sending goes on)'}</button>
      </div>
    </div>`;
  }

  async #start() {
    const generation = ++this.#generation;
    this.#stopFollowing();
    Object.assign(this, { _campaign: null, _audience: null, _error: null, _templateId: '', _bindings: {} });
    const [templates, audience] = await Promise.allSettled([
      this.request('GET', 'templates?status=APPROVED&size=200'),
      this.request('POST', 'campaigns/audience-preview?sample=0', { source: 'leads', leadIds: this.leadIds }),
    ]);
    if (generation !== this.#generation) return;
    if (templates.status === 'fulfilled') this._templates = templates.value?.items ?? [];
    if (audience.status === 'fulfilled') this._audience = audience.value;
    const failure = [templates, audience].find((r) => r.status === 'rejected');
    if (failure) this._error = this.reportError(failure.reason);
  }

  #choose(id) {
    this._templateId = id;
    const template = this._templates.find((t) => t.id === id);
    this._bindings = template ? defaultBindings(template, null) : {};
  }

  async #send(event) {
    event.preventDefault();
    if (!this._templateId || this._sending) return;
    const generation = this.#generation;
    this._sending = true;
    this._error = null;
    try {
      const campaign = await this.request('POST', 'leads/bulk-messages', { leadIds: this.leadIds, templateId: this._templateId, bindings: this._bindings });
      if (generation !== this.#generation) return;
      this._campaign = campaign;
      this.dispatchEvent(new CustomEvent('wa-bulk-sent', { detail: campaign, bubbles: true, composed: true }));
      this.#follow(generation);
    } catch (error) {
      if (generation === this.#generation) this._error = this.reportError(error);
    } finally {
      this._sending = false;
    }
  }

  /**
   * Follows the campaign's progress stream (`GET /campaigns/{id}/progress`, server-sent events; the token
   * goes as `access_token` because EventSource cannot send headers). Where the stream is missing or
   * breaks, polling the campaign view takes over; it also reads the final campaign.
   */
  async #follow(generation) {
    const url = await this.streamUrl(`campaigns/${WaElement.segment(this._campaign.id)}/progress`);
    if (generation !== this.#generation) return;
    if (typeof EventSource !== 'function') return this.#poll(generation, 0);
    const source = new EventSource(url);
    this.#source = source;
    source.addEventListener('progress', (event) => {
      if (generation !== this.#generation) return source.close();
      let data;
      try {
        data = JSON.parse(event.data);
      } catch {
        return; // a malformed event changes nothing; the next one, or the final poll, brings the counts
      }
      this._campaign = { ...this._campaign, status: data.status, counters: data.counts ?? this._campaign.counters };
      if (campaignProgress(this._campaign).finished) {
        source.close();
        this.#poll(generation, 0);
      }
    });
    source.onerror = () => {
      source.close();
      if (generation === this.#generation) this.#poll(generation, 0);
    };
  }

  /** Polls the campaign view until the campaign finishes; then tells the host. */
  #poll(generation, delay = POLL_INTERVAL_MS) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(async () => {
      try {
        const campaign = await this.request('GET', `campaigns/${WaElement.segment(this._campaign.id)}`);
        if (generation !== this.#generation) return;
        this._campaign = campaign;
        if (campaignProgress(campaign).finished) {
          this.dispatchEvent(new CustomEvent('wa-bulk-finished', { detail: campaign, bubbles: true, composed: true }));
          return;
        }
      } catch (error) {
        if (generation !== this.#generation) return;
        this._error = this.reportError(error);
        if (error.status >= 400 && error.status < 500) return; // asking again would be refused again
      }
      this.#poll(generation);
    }, delay);
  }

  #onClose() {
    this.open = false;
    this.dispatchEvent(new CustomEvent('wa-bulk-closed', { bubbles: true, composed: true }));
  }
}

if (!customElements.get('wa-bulk-send')) customElements.define('wa-bulk-send', WaBulkSend);
