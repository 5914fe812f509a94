import { LitElement, html, css, nothing } from 'lit';
import { ApiError, parseApiError, networkError } from './lib/api-error.js';

export { ApiError };

/**
 * Base of every `wa-` element: where the API is, how to authenticate, how to call it, and how to
 * show what went wrong. Subclasses call `request()` and render `renderError()`; they never build
 * headers or parse error bodies themselves.
 *
 * Attributes: `api-base` (default `/whatsapp/api/v1`), `token` (a bearer token).
 * Property: `tokenProvider`, an async function returning a token; preferred over `token` when set,
 * so a host can hand over short-lived tokens and refresh them itself.
 * Event: `wa-error` (bubbles, composed), detail `{status, error, field, message}`.
 */
export class WaElement extends LitElement {
  static properties = {
    apiBase: { type: String, attribute: 'api-base' },
    token: { type: String },
    tokenProvider: { attribute: false },
  };

  static styles = css`
    :host {
      display: block;
      font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
      color: var(--wa-text, #1f2933);
      --wa-accent: #128c7e;
      --wa-read: #34b7f1;
      --wa-danger: #b42318;
    }
    .wa-error {
      margin: 0.5rem 0;
      padding: 0.5rem 0.75rem;
      border: 1px solid #f3b1aa;
      border-left: 4px solid var(--wa-danger);
      border-radius: 4px;
      background: #fef3f2;
      color: var(--wa-danger);
    }
    .wa-error button {
      margin-left: 0.5rem;
      font: inherit;
      color: inherit;
      background: none;
      border: none;
      text-decoration: underline;
      cursor: pointer;
    }
  `;

  constructor() {
    super();
    this.apiBase = '/whatsapp/api/v1';
    this.token = '';
    this.tokenProvider = null;
  }

  /** Calls the plugin API with JSON in and out; throws an ApiError carrying the server's error, field and message. */
  async request(method, path, body) {
    const headers = { Accept: 'application/json' };
    const token = await this.#currentToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    const init = { method, headers };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(this.apiUrl(path), init);
    } catch (cause) {
      throw networkError(cause);
    }
    const text = await response.text();
    if (!response.ok) throw parseApiError(response.status, text);
    return text ? JSON.parse(text) : null;
  }

  /** `path` joined to `api-base`, each path segment the caller passes already encoded. */
  apiUrl(path) {
    return `${(this.apiBase || '').replace(/\/+$/, '')}/${String(path).replace(/^\/+/, '')}`;
  }

  /** Tells the host (event `wa-error`) and returns the error so the caller can keep it for display. */
  reportError(error) {
    const apiError = error instanceof ApiError ? error : new ApiError({ message: error?.message || String(error) });
    this.dispatchEvent(new CustomEvent('wa-error', { detail: apiError.toJSON(), bubbles: true, composed: true }));
    return apiError;
  }

  /** An alert for an error, or nothing; `onDismiss` adds a Dismiss button. */
  renderError(error, { id, onDismiss } = {}) {
    if (!error) return nothing;
    return html`<div class="wa-error" role="alert" id=${id ?? nothing}>
      ${error.display ?? error.message}
      ${onDismiss ? html`<button type="button" @click=${onDismiss}>Dismiss</button>` : nothing}
    </div>`;
  }

  /** Encodes one value for use as a path segment. */
  static segment(value) {
    return encodeURIComponent(String(value));
  }

  async #currentToken() {
    if (typeof this.tokenProvider === 'function') return this.tokenProvider();
    return this.token;
  }
}
