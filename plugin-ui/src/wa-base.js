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
    const json = body === undefined ? {} : { body: JSON.stringify(body), contentType: 'application/json' };
    const text = await (await this.fetchApi(method, path, json)).text();
    return text ? JSON.parse(text) : null;
  }

  /**
   * The one place that calls the API: the bearer token from `tokenProvider` or `token`, a body of any
   * type (a CSV text, a file) with its `contentType`, and an ApiError for a network failure or any
   * answer that is not 2xx. Returns the Response for callers that want a file or an image back.
   */
  async fetchApi(method, path, { body, contentType, accept = 'application/json' } = {}) {
    const headers = { Accept: accept };
    const token = await this.currentToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (contentType) headers['Content-Type'] = contentType;
    let response;
    try {
      response = await fetch(this.apiUrl(path), { method, headers, body });
    } catch (cause) {
      throw networkError(cause);
    }
    if (!response.ok) throw parseApiError(response.status, await response.text());
    return response;
  }

  /**
   * The absolute URL of a server-sent event stream, the token as `access_token` because EventSource
   * cannot send headers.
   */
  async streamUrl(path) {
    const token = await this.currentToken();
    const query = token ? `${path.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(token)}` : '';
    return new URL(this.apiUrl(`${path}${query}`), location.href).href;
  }

  /** The token to send now: the host's `tokenProvider` when it has one (asked on every call), else `token`. */
  async currentToken() {
    if (typeof this.tokenProvider === 'function') return this.tokenProvider();
    return this.token;
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

  /**
   * Call from `updated(changed)` for a confirmation box (`role="alertdialog"`) shown while `property` is set:
   * when it opens the focus moves to its last button (the safe "Keep it"), when it closes the focus goes back
   * to what opened it (`opener`: a selector, or a function of the property's old value giving one).
   */
  moveConfirmFocus(changed, property, opener) {
    if (!changed.has(property)) return;
    const was = changed.get(property);
    if (this[property] && !was) {
      this.renderRoot.querySelector('[role=alertdialog] button:last-of-type')?.focus();
    } else if (!this[property] && was) {
      this.renderRoot.querySelector(typeof opener === 'function' ? opener(was) : opener)?.focus();
    }
  }

  /** Encodes one value for use as a path segment. */
  static segment(value) {
    return encodeURIComponent(String(value));
  }
}
