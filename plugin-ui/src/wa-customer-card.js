import { html, css, nothing } from 'lit';
import { WaElement } from './wa-base.js';
import { formatTime } from './lib/timeline.js';

/**
 * `<wa-customer-card customer-id="..." lead-href="/leads/{leadId}" api-base="..." token="...">`: on the
 * host's customer screen, the lead the customer was converted from (a link into the host's lead
 * screen, built from `lead-href` with `{leadId}` replaced) and the campaign credited with the
 * conversion. Events: `wa-error`.
 */
export class WaCustomerCard extends WaElement {
  static properties = {
    customerId: { type: String, attribute: 'customer-id' },
    leadHref: { type: String, attribute: 'lead-href' },
    _conversion: { state: true },
    _lead: { state: true },
    _campaign: { state: true },
    _loading: { state: true },
    _error: { state: true },
  };

  static styles = [WaElement.styles, css`
    .card { border: 1px solid #d8dee4; border-radius: 8px; background: #fff; padding: 0.75rem 1rem; }
    h2 { margin: 0 0 0.5rem; font-size: 1rem; color: var(--wa-accent); }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 0.75rem; margin: 0; }
    dt { color: #5f6b7a; }
    dd { margin: 0; }
    a { color: var(--wa-accent); }
    a:focus-visible { outline: 2px solid var(--wa-accent); outline-offset: 1px; }
    .muted { color: #5f6b7a; }
  `];

  #generation = 0;

  constructor() {
    super();
    this.customerId = '';
    this.leadHref = '';
    this._conversion = null;
    this._lead = null;
    this._campaign = null;
    this._loading = false;
    this._error = null;
  }

  willUpdate(changed) {
    if (['customerId', 'apiBase', 'token', 'tokenProvider'].some((p) => changed.has(p)) && this.customerId) this.#load();
  }

  render() {
    return html`<section class="card" aria-labelledby="cc-title" aria-busy=${this._loading ? 'true' : 'false'}>
      <h2 id="cc-title">WhatsApp: original lead</h2>
      ${this.renderError(this._error)}
      ${this.#renderBody()}
    </section>`;
  }

  #renderBody() {
    if (this._loading) return html`<p class="muted">Loading…</p>`;
    const c = this._conversion;
    if (!c) return this._error ? nothing : html`<p class="muted">This customer was not converted from a lead the plugin knows.</p>`;
    const leadName = this._lead?.name ?? `Lead ${c.leadId}`;
    const href = this.leadHref ? this.leadHref.replace('{leadId}', encodeURIComponent(c.leadId)) : null;
    return html`<dl>
      <dt>Lead</dt>
      <dd>${href ? html`<a href=${href}>${leadName}</a>` : leadName}</dd>
      <dt>Converted</dt>
      <dd><time datetime=${c.convertedAt}>${formatTime(c.convertedAt)}</time></dd>
      <dt>Campaign</dt>
      <dd>${c.attributedCampaignId ? (this._campaign?.name ?? c.attributedCampaignId) : html`<span class="muted">none (no campaign message was delivered in the attribution window)</span>`}</dd>
    </dl>`;
  }

  async #load() {
    const generation = ++this.#generation;
    Object.assign(this, { _loading: true, _error: null, _conversion: null, _lead: null, _campaign: null });
    try {
      const found = await this.request('GET', `conversions?customerId=${encodeURIComponent(this.customerId)}`);
      if (generation !== this.#generation) return;
      const conversion = found?.[0] ?? null;
      this._conversion = conversion;
      if (conversion) {
        const [lead, campaign] = await Promise.allSettled([
          this.request('GET', `leads/${WaElement.segment(conversion.leadId)}`),
          conversion.attributedCampaignId ? this.request('GET', `campaigns/${WaElement.segment(conversion.attributedCampaignId)}`) : null,
        ]);
        if (generation !== this.#generation) return;
        if (lead.status === 'fulfilled') this._lead = lead.value;
        if (campaign.status === 'fulfilled') this._campaign = campaign.value;
        const failure = [lead, campaign].find((r) => r.status === 'rejected');
        if (failure) this._error = this.reportError(failure.reason);
      }
    } catch (error) {
      if (generation === this.#generation) this._error = this.reportError(error);
    } finally {
      if (generation === this.#generation) this._loading = false;
    }
  }
}

if (!customElements.get('wa-customer-card')) customElements.define('wa-customer-card', WaCustomerCard);
