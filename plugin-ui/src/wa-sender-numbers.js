import { css, html, nothing } from 'lit';
import { WaElement } from './wa-base.js';
import { pageStyles } from './page.styles.js';
import { statusLabel } from './lib/campaign-progress.js';
import { formatTime } from './lib/timeline.js';
import { qrFromAnswer, sessionState } from './lib/sender-session.js';

/** Providers that talk to Meta directly or to nothing: no device to link, so no QR code. */
const NO_SESSION = ['sandbox', 'cloud-api'];

/**
 * `<wa-sender-numbers>`: the `admin.settings` page — the tenant's sender numbers with their health,
 * status and primary flag; test a connection, make one primary, disable one; for gateway numbers
 * (WhatsApp Web bridges) the session state and the QR code that links a phone. Events:
 * `wa-sender-changed` (detail `{action, account}`), `wa-error`.
 */
export class WaSenderNumbers extends WaElement {
  static properties = {
    _accounts: { state: true },
    _loading: { state: true },
    _error: { state: true },
    _busy: { state: true },
    _tests: { state: true },
    _confirmDisable: { state: true },
    _session: { state: true },
  };

  static styles = [WaElement.styles, pageStyles, css`
    .health { display: flex; align-items: center; gap: 0.4rem; }
    meter { width: 5rem; }
    .ok { color: #0e7c3a; }
    .bad { color: var(--wa-danger); }
    .session { margin-top: 1rem; }
    .session img { width: 220px; height: 220px; image-rendering: pixelated; border: 1px solid #e4e7eb; }
    .row-actions { display: flex; flex-wrap: wrap; gap: 0.35rem; }
  `];

  #qrUrl = null;

  constructor() {
    super();
    Object.assign(this, { _accounts: [], _loading: false, _error: null, _busy: null, _tests: {}, _confirmDisable: null, _session: null });
  }

  willUpdate(changed) {
    if (['apiBase', 'token', 'tokenProvider'].some((p) => changed.has(p))) this.reload();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.#forgetQr();
  }

  async reload() {
    this._loading = true;
    try {
      this._accounts = (await this.request('GET', 'accounts')) ?? [];
      this._error = null;
    } catch (error) {
      this._error = this.reportError(error);
    } finally {
      this._loading = false;
    }
  }

  render() {
    return html`<section aria-labelledby="numbers-title" aria-busy=${this._loading ? 'true' : 'false'}>
      <h2 id="numbers-title">Sender numbers</h2>
      ${this.renderError(this._error, { onDismiss: () => (this._error = null) })}
      <table>
        <thead><tr><th scope="col">Name</th><th scope="col">Number</th><th scope="col">Provider</th><th scope="col">Status</th>
          <th scope="col">Health</th><th scope="col">Primary</th><th scope="col">Connection</th><th scope="col">Actions</th></tr></thead>
        <tbody>${this._accounts.map((a) => this.#row(a))}
          ${!this._accounts.length && !this._loading ? html`<tr><td colspan="8" class="muted">No sender numbers yet.</td></tr>` : nothing}</tbody>
      </table>
      ${this._confirmDisable ? this.#confirm(this._confirmDisable) : nothing}
      ${this._session ? this.#renderSession(this._session) : nothing}
    </section>`;
  }

  #row(a) {
    const test = this._tests[a.id];
    const busy = this._busy === a.id;
    const disabled = a.status === 'disabled';
    return html`<tr>
      <th scope="row">${a.name}</th>
      <td>${a.phoneNumber}</td>
      <td>${a.provider}</td>
      <td><span class="badge ${a.status}">${statusLabel(a.status)}</span>${a.statusReason ? html`<div class="muted">${a.statusReason}</div>` : nothing}</td>
      <td><span class="health"><meter min="0" max="100" low="30" high="70" optimum="100" value=${a.health}
          aria-label="Health of ${a.name}"></meter>${a.health} <span class="badge ${a.healthLevel}">${a.healthLevel}</span></span>
        ${a.healthCheckedAt ? html`<div class="muted">checked ${formatTime(a.healthCheckedAt)}</div>` : nothing}</td>
      <td>${a.primary ? html`<span class="badge active">Primary</span>` : html`<button type="button" ?disabled=${busy || disabled}
          @click=${() => this.#act(a, 'primary')} aria-label="Make ${a.name} primary">Make primary</button>`}</td>
      <td role="status">${test ? html`<span class=${test.ok ? 'ok' : 'bad'}>${test.ok ? 'Connected' : `Failed: ${test.problem ?? 'no answer'}`}</span>`
        : a.lastConnectionOk === null || a.lastConnectionOk === undefined ? html`<span class="muted">Not tested</span>`
          : html`<span class=${a.lastConnectionOk ? 'ok' : 'bad'}>${a.lastConnectionOk ? 'Last test passed' : 'Last test failed'}</span>`}</td>
      <td><div class="row-actions">
        <button type="button" ?disabled=${busy} @click=${() => this.#test(a)} aria-label="Test connection of ${a.name}">Test connection</button>
        ${NO_SESSION.includes(a.provider) ? nothing : html`<button type="button" @click=${() => this.#openSession(a)}
          aria-label="Link a phone to ${a.name}">Session and QR</button>`}
        ${disabled ? nothing : html`<button type="button" class="danger" ?disabled=${busy}
          @click=${() => (this._confirmDisable = a)} aria-label="Disable ${a.name}">Disable</button>`}
      </div></td>
    </tr>`;
  }

  updated(changed) {
    this.moveConfirmFocus(changed, '_confirmDisable', (was) => `button[aria-label="Disable ${CSS.escape(was.name)}"]`);
  }

  #confirm(a) {
    return html`<div class="card" role="alertdialog" aria-labelledby="disable-text"
      @keydown=${(e) => e.key === 'Escape' && (this._confirmDisable = null)}>
      <p id="disable-text">Disable ${a.name} (${a.phoneNumber})? No message will be sent from it until an admin enables it again.</p>
      <button type="button" class="danger" @click=${() => this.#act(a, 'disable')}>Yes, disable</button>
      <button type="button" @click=${() => (this._confirmDisable = null)}>Keep it</button>
    </div>`;
  }

  async #test(account) {
    this._busy = account.id;
    try {
      const result = await this.request('POST', `accounts/${WaElement.segment(account.id)}/test`);
      this._tests = { ...this._tests, [account.id]: result };
      await this.reload();
    } catch (error) {
      this._error = this.reportError(error);
    } finally {
      this._busy = null;
    }
  }

  async #act(account, action) {
    this._busy = account.id;
    this._confirmDisable = null;
    try {
      const updated = await this.request('POST', `accounts/${WaElement.segment(account.id)}/${action}`);
      this.dispatchEvent(new CustomEvent('wa-sender-changed', { detail: { action, account: updated }, bubbles: true, composed: true }));
      await this.reload();
    } catch (error) {
      this._error = this.reportError(error);
    } finally {
      this._busy = null;
    }
  }

  /** The gateway session's state, and its QR code while the gateway waits for a phone to scan it. */
  async #openSession(account) {
    this.#forgetQr();
    this._session = { account, state: null, qr: null, message: 'Asking the gateway…' };
    let state = null;
    try {
      state = await this.request('GET', `accounts/${WaElement.segment(account.id)}/session`);
    } catch (error) {
      this._session = { account, message: error.status === 404
        ? 'This server has no session for this number: the gateway session API is not available.' : error.display };
      if (error.status !== 404) this.reportError(error);
      return;
    }
    const qr = await this.#loadQr(account).catch((error) => ({ message: error.status === 404
      ? 'No QR code to scan: the session is linked, or the gateway has not produced one yet.' : error.display }));
    this._session = { account, state, qr: qr?.src ?? null, message: qr?.message ?? null };
  }

  /** `{src}` for an image (PNG/SVG answered as is, or JSON carrying a data URL or base64), else `{message}`. */
  async #loadQr(account) {
    const response = await this.fetchApi('GET', `accounts/${WaElement.segment(account.id)}/session/qr`, { accept: 'image/*, application/json' });
    const type = response.headers.get('Content-Type');
    const body = type?.startsWith('image/') ? null : await response.json().catch(() => null);
    const qr = qrFromAnswer(type, body);
    if (qr.kind === 'image') {
      this.#qrUrl = URL.createObjectURL(await response.blob());
      return { src: this.#qrUrl };
    }
    return qr;
  }

  #renderSession({ account, state, qr, message }) {
    const status = sessionState(state);
    return html`<div class="card session" role="region" aria-labelledby="session-title">
      <h3 id="session-title">Session of ${account.name}</h3>
      ${status ? html`<p>State: <strong>${statusLabel(status)}</strong></p>` : nothing}
      ${qr ? html`<img src=${qr} alt="QR code: scan it in WhatsApp, Linked devices, to link ${account.phoneNumber}">
        <p class="hint">In WhatsApp on the phone: Settings, Linked devices, Link a device, then scan this code.</p>` : nothing}
      ${message ? html`<p role="status">${message}</p>` : nothing}
      <button type="button" @click=${() => this.#openSession(account)}>Refresh</button>
      <button type="button" @click=${() => { this.#forgetQr(); this._session = null; }}>Close</button>
    </div>`;
  }

  #forgetQr() {
    if (this.#qrUrl) URL.revokeObjectURL(this.#qrUrl);
    this.#qrUrl = null;
  }
}

if (!customElements.get('wa-sender-numbers')) customElements.define('wa-sender-numbers', WaSenderNumbers);
