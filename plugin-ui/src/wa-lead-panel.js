import { html, nothing } from 'lit';
import { WaElement } from './wa-base.js';
import { leadPanelStyles } from './wa-lead-panel.styles.js';
import { renderHistory, renderLeadHeader } from './lead-history.js';
import { needsRefresh } from './lib/status.js';
import { canSend, isSendShortcut } from './lib/composer.js';
import { attachmentProblem } from './lib/attachments.js';
import { renderTextComposer } from './text-composer.js';
import { mergeMessages, newestFirst } from './lib/timeline.js';
import { composerState } from './lib/window.js';
import { defaultBindings, mediaHeaderKind, sendable } from './lib/templates.js';
import { formStyles, previewStyles } from './whatsapp-preview.js';
import { renderTemplateComposer } from './template-composer.js';

const POLL_INTERVAL_MS = 1500;
/** A message can stay "delivered" for good (read receipts off), so polling gives up after this. */
const POLL_LIMIT_MS = 2 * 60 * 1000;

/**
 * `<wa-lead-panel lead-id="..." api-base="..." token="...">`: a lead's WhatsApp history, newest
 * first (with the template and campaign each message came from), the lead's opt-out state, and a
 * composer: an approved template with its variables pre-filled from the lead and a live preview, or
 * free text while the lead's 24-hour window is open. Events: `wa-message-sent` (detail: the message as
 * the API answered it) and `wa-error` (from WaElement).
 */
export class WaLeadPanel extends WaElement {
  static properties = {
    leadId: { type: String, attribute: 'lead-id' },
    _lead: { state: true },
    _items: { state: true },
    _nextCursor: { state: true },
    _loading: { state: true },
    _loadError: { state: true },
    _text: { state: true },
    _sending: { state: true },
    _sendError: { state: true },
    _summary: { state: true },
    _templates: { state: true },
    _templatesError: { state: true },
    _mode: { state: true },
    _templateId: { state: true },
    _bindings: { state: true },
    _mediaLink: { state: true },
    _attachment: { state: true },
    _uploading: { state: true },
    _attachError: { state: true },
  };

  static styles = [WaElement.styles, leadPanelStyles, formStyles, previewStyles];

  #generation = 0;
  #tracked = new Set();
  #pollTimer = null;
  #pollSince = 0;

  constructor() {
    super();
    this.leadId = '';
    this._lead = null;
    this._items = [];
    this._nextCursor = null;
    this._loading = false;
    this._loadError = null;
    this._text = '';
    this._sending = false;
    this._sendError = null;
    this._summary = null;
    this._templates = [];
    this._templatesError = null;
    this._mode = null;
    this._templateId = '';
    this._bindings = {};
    this._mediaLink = '';
    this._attachment = null;
    this._uploading = false;
    this._attachError = null;
  }

  willUpdate(changed) {
    if (['leadId', 'apiBase', 'token', 'tokenProvider'].some((p) => changed.has(p)) && this.leadId) this.#load();
  }

  connectedCallback() {
    super.connectedCallback();
    this.#schedulePoll();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#pollTimer);
  }

  render() {
    // Until the summary is in, only templates are offered: free text may turn out to be refused.
    const state = this._loading ? { freeText: false, optedOut: false, notice: null } : composerState(this._summary);
    return html`<section class="panel" aria-labelledby="wa-title" aria-busy=${this._loading ? 'true' : 'false'}>
      <header class="head">
        <h2 id="wa-title">WhatsApp</h2>
        ${renderLeadHeader(this._lead, this._loading)}
        ${state.optedOut ? html`<span class="consent" role="status">Opted out</span>` : nothing}
      </header>
      ${this.renderError(this._loadError, { onDismiss: () => (this._loadError = null) })}
      ${state.notice ? html`<p id="wa-window" class="notice ${state.freeText ? '' : 'blocked'}" role="note">${state.notice}</p>` : nothing}
      ${state.optedOut ? nothing : this.#renderComposer(state)}
      <h3 id="wa-history" class="visually-hidden">Message history, newest first</h3>
      ${renderHistory(this._items, { loading: this._loading, nextCursor: this._nextCursor, onOlder: () => this.#loadOlder() })}
    </section>`;
  }

  #mode(state) {
    if (this._mode === 'text' && state.freeText) return 'text';
    if (this._mode === 'template') return 'template';
    return state.freeText ? 'text' : 'template';
  }

  #renderComposer(state) {
    const mode = this.#mode(state);
    return html`<form class="composer" @submit=${this.#onSubmit} aria-label="Write to the lead">
      <fieldset class="modes">
        <legend class="visually-hidden">Send</legend>
        <label><input type="radio" name="mode" value="template" .checked=${mode === 'template'}
          @change=${() => (this._mode = 'template')}> Template</label>
        <label class=${state.freeText ? '' : 'disabled'}><input type="radio" name="mode" value="text"
          .checked=${mode === 'text'} ?disabled=${!state.freeText} aria-describedby=${state.notice ? 'wa-window' : nothing}
          @change=${() => (this._mode = 'text')}> Free text</label>
      </fieldset>
      ${mode === 'text' ? this.#renderText() : this.#renderTemplate()}
      ${this.renderError(this._sendError, { id: 'wa-send-error' })}
    </form>`;
  }

  #renderText() {
    return renderTextComposer({
      lead: this._lead, text: this._text, sending: this._sending, sendError: this._sendError,
      attachment: this._attachment, uploading: this._uploading, attachError: this._attachError,
      onText: (text) => (this._text = text), onKeydown: (e) => this.#onKeydown(e),
      onFile: (file) => this.#attach(file), onRemoveFile: () => (this._attachment = null),
      renderError: (error, options) => this.renderError(error, options),
    });
  }

  #renderTemplate() {
    return html`${this.renderError(this._templatesError)}
      ${renderTemplateComposer({
        templates: sendable(this._templates), templateId: this._templateId, bindings: this._bindings, lead: this._lead,
        mediaLink: this._mediaLink, sending: this._sending, mediaInvalid: Boolean(this._sendError?.field?.startsWith('template.headerMedia')),
        onChoose: (id) => this.#chooseTemplate(id),
        onBinding: (key, binding) => (this._bindings = { ...this._bindings, [key]: binding }),
        onMediaLink: (link) => (this._mediaLink = link),
      })}`;
  }

  #chooseTemplate(id) {
    this._templateId = id;
    const template = this._templates.find((t) => t.id === id);
    this._bindings = template ? defaultBindings(template, this._lead) : {};
    this._mediaLink = '';
    this._sendError = null;
  }

  #onKeydown(event) {
    if (!isSendShortcut(event)) return;
    event.preventDefault();
    this.#send();
  }

  #onSubmit(event) {
    event.preventDefault();
    if (this._loading || this.#mode(composerState(this._summary)) === 'template') this.#sendTemplate();
    else this.#send();
  }

  async #sendTemplate() {
    const template = this._templates.find((t) => t.id === this._templateId);
    if (!template || this._sending) return;
    const media = mediaHeaderKind(template);
    const body = { template: { id: template.id, bindings: this._bindings } };
    if (media) body.template.headerMedia = { kind: media, link: this._mediaLink.trim() || null };
    await this.#post(body, () => {
      this._bindings = defaultBindings(template, this._lead);
      this._mediaLink = '';
    });
  }

  #messagesPath(cursor) {
    const path = `leads/${WaElement.segment(this.leadId)}/messages`;
    return cursor ? `${path}?cursor=${encodeURIComponent(cursor)}` : path;
  }

  async #load() {
    const generation = ++this.#generation;
    clearTimeout(this.#pollTimer);
    this.#tracked = new Set();
    Object.assign(this, { _loading: true, _loadError: null, _sendError: null, _lead: null, _items: [], _nextCursor: null,
      _summary: null, _templatesError: null, _mode: null, _templateId: '', _bindings: {}, _attachment: null, _attachError: null });
    const [lead, page, summary] = await Promise.allSettled([
      this.request('GET', `leads/${WaElement.segment(this.leadId)}`),
      this.request('GET', this.#messagesPath()),
      this.request('GET', `leads/${WaElement.segment(this.leadId)}/whatsapp-summary`),
    ]);
    if (generation !== this.#generation) return;
    this.#loadTemplates(generation);
    if (lead.status === 'fulfilled') this._lead = lead.value;
    if (summary.status === 'fulfilled') this._summary = summary.value;
    if (page.status === 'fulfilled') {
      this._items = newestFirst(page.value?.items);
      this._nextCursor = page.value?.nextCursor ?? null;
    }
    // Each failure is told to the host and shown: a refused summary and a refused history are two problems.
    const failures = [lead, page, summary].filter((r) => r.status === 'rejected').map((r) => this.reportError(r.reason));
    const messages = [...new Set(failures.map((e) => e.display ?? e.message))];
    if (messages.length) this._loadError = messages.length === 1 ? failures[0] : { display: messages.join(' · ') };
    this._loading = false;
  }

  /** Approved templates for the picker; a refusal (e.g. no permission to list them) is shown where the picker is. */
  async #loadTemplates(generation) {
    try {
      const page = await this.request('GET', 'templates?status=APPROVED&size=200');
      if (generation === this.#generation) this._templates = page?.items ?? [];
    } catch (error) {
      if (generation === this.#generation) this._templatesError = this.reportError(error);
    }
  }

  async #loadOlder() {
    const generation = this.#generation;
    try {
      const page = await this.request('GET', this.#messagesPath(this._nextCursor));
      if (generation !== this.#generation) return;
      this._items = mergeMessages(this._items, page?.items);
      this._nextCursor = page?.nextCursor ?? null;
    } catch (error) {
      if (generation === this.#generation) this._loadError = this.reportError(error);
    }
  }

  async #send() {
    if (this._uploading) return;
    if (this._attachment) {
      const caption = this._text.trim();
      const media = { id: this._attachment.id, ...(caption ? { caption } : {}) };
      await this.#post({ media }, () => {
        this._text = '';
        this._attachment = null;
      });
      return;
    }
    if (!canSend(this._text, this._sending)) return;
    await this.#post({ text: this._text }, () => (this._text = ''));
  }

  /** Checks the file here, then uploads it at once (`POST /leads/{id}/media`); a refusal stays next to the input. */
  async #attach(file) {
    const generation = this.#generation;
    const problem = attachmentProblem(file);
    this._attachError = problem ? this.reportError({ message: problem }) : null;
    if (problem) return;
    this._uploading = true;
    try {
      const answer = await this.fetchApi('POST',
        `leads/${WaElement.segment(this.leadId)}/media?filename=${encodeURIComponent(file.name)}`,
        { body: file, contentType: file.type });
      const stored = await answer.json();
      if (generation === this.#generation) this._attachment = stored;
    } catch (error) {
      if (generation === this.#generation) this._attachError = this.reportError(error);
    } finally {
      this._uploading = false;
    }
  }

  /** Sends a text or a template; `onSent` clears what was sent. Refusals stay on screen, naming the field. */
  async #post(body, onSent) {
    const generation = this.#generation;
    this._sending = true;
    this._sendError = null;
    try {
      const message = await this.request('POST', this.#messagesPath(), body);
      if (generation !== this.#generation) return;
      onSent();
      if (message?.id != null) {
        this._items = mergeMessages(this._items, [message]);
        this.#tracked.add(message.id);
      }
      this.dispatchEvent(new CustomEvent('wa-message-sent', { detail: message, bubbles: true, composed: true }));
      this.#pollSince = Date.now();
      this.#schedulePoll();
    } catch (error) {
      if (generation === this.#generation) this._sendError = this.reportError(error);
    } finally {
      this._sending = false;
      this.renderRoot.querySelector('#wa-text, #wa-template')?.focus();
    }
  }

  async #refresh() {
    const generation = this.#generation;
    try {
      const page = await this.request('GET', this.#messagesPath());
      if (generation !== this.#generation) return;
      this._items = mergeMessages(this._items, page?.items);
      this.#schedulePoll();
    } catch (error) {
      if (generation === this.#generation) this._loadError = this.reportError(error);
    }
  }

  #schedulePoll() {
    clearTimeout(this.#pollTimer);
    if (!this.isConnected || Date.now() - this.#pollSince > POLL_LIMIT_MS) return;
    if (!needsRefresh(this._items, this.#tracked)) return;
    this.#pollTimer = setTimeout(() => this.#refresh(), POLL_INTERVAL_MS);
  }
}

if (!customElements.get('wa-lead-panel')) customElements.define('wa-lead-panel', WaLeadPanel);
