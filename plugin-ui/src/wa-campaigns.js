import { html } from 'lit';
import { WaElement } from './wa-base.js';
import { pageStyles } from './page.styles.js';
import './wa-campaign-list.js';
import './wa-campaign-builder.js';
import './wa-campaign-detail.js';

/**
 * `<wa-campaigns>`: the `nav.campaigns` page — the campaign list, the builder for a new one, and one
 * campaign's detail, switching in place. Attribute `readonly` hides "New campaign" (for hosts that
 * know the user may not create; the API refuses anyway). Property `campaignId` opens one directly.
 * The inner elements' events (`wa-campaign-launched`, `wa-campaign-changed`, `wa-error`) bubble out.
 */
export class WaCampaigns extends WaElement {
  static properties = {
    readonly: { type: Boolean },
    campaignId: { type: String, attribute: 'campaign-id' },
    _view: { state: true },
  };

  static styles = [WaElement.styles, pageStyles];

  constructor() {
    super();
    this.readonly = false;
    this.campaignId = '';
    this._view = 'list';
  }

  willUpdate(changed) {
    if (changed.has('campaignId')) this._view = this.campaignId ? 'detail' : 'list';
  }

  render() {
    const auth = { apiBase: this.apiBase, token: this.token, tokenProvider: this.tokenProvider };
    if (this._view === 'new') {
      return html`<wa-campaign-builder .apiBase=${auth.apiBase} .token=${auth.token} .tokenProvider=${auth.tokenProvider}
        @wa-campaign-launched=${(e) => this.#open(e.detail.id)}
        @wa-campaign-saved=${(e) => this.#open(e.detail.id)}
        @wa-campaign-builder-closed=${() => this.#list()}></wa-campaign-builder>`;
    }
    if (this._view === 'detail') {
      return html`<p><button type="button" class="link" @click=${() => this.#list()}>‹ All campaigns</button></p>
        <wa-campaign-detail .apiBase=${auth.apiBase} .token=${auth.token} .tokenProvider=${auth.tokenProvider}
          campaign-id=${this.campaignId}></wa-campaign-detail>`;
    }
    return html`<wa-campaign-list .apiBase=${auth.apiBase} .token=${auth.token} .tokenProvider=${auth.tokenProvider}
      ?can-create=${!this.readonly}
      @wa-campaign-open=${(e) => this.#open(e.detail.id)}
      @wa-campaign-new=${() => (this._view = 'new')}></wa-campaign-list>`;
  }

  #open(id) {
    this.campaignId = id;
    this._view = 'detail';
  }

  #list() {
    this.campaignId = '';
    this._view = 'list';
  }
}

if (!customElements.get('wa-campaigns')) customElements.define('wa-campaigns', WaCampaigns);
