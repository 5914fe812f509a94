import { html, css, nothing } from 'lit';
import { WaElement } from './wa-base.js';
import { STEPS, emptyDraft, errorsByField, firstStepWithError, inputIdOf, splitErrors, stepOfField, templateRequest } from './lib/wizard.js';
import { renderTemplate } from './lib/templates.js';
import { formStyles, previewStyles, renderPreview } from './whatsapp-preview.js';
import { STEP_FIELDS } from './template-wizard.js';

const PENDING_POLL_MS = 2000;

/**
 * `<wa-template-manager api-base="..." token="...">`: the tenant's templates with their approval
 * status, and a step-by-step wizard for a new one in Meta's order (basics, header, body and footer,
 * buttons, examples, review) with a live WhatsApp-style preview. The API's validation errors are
 * shown on the input they are about, on the step that has it.
 * Events: `wa-template-submitted` (detail: the template, now PENDING), `wa-error`.
 */
export class WaTemplateManager extends WaElement {
  static properties = {
    _items: { state: true },
    _loading: { state: true },
    _listError: { state: true },
    _draft: { state: true },
    _draftId: { state: true },
    _step: { state: true },
    _errors: { state: true },
    _error: { state: true },
    _busy: { state: true },
    _notice: { state: true },
  };

  static styles = [WaElement.styles, formStyles, previewStyles, css`
    .card { border: 1px solid #d8dee4; border-radius: 8px; background: #fff; padding: 0.75rem 1rem 1rem; }
    .top { display: flex; justify-content: space-between; align-items: center; gap: 1rem; }
    h2 { margin: 0; font-size: 1rem; color: var(--wa-accent); }
    table { width: 100%; border-collapse: collapse; margin-top: 0.5rem; }
    th, td { text-align: left; padding: 0.4rem 0.35rem; border-bottom: 1px solid #eef1f4; vertical-align: top; }
    th { font-size: 0.8rem; color: #5f6b7a; }
    .status { font-size: 0.8em; font-weight: 600; padding: 0.05rem 0.5rem; border-radius: 999px; background: #eef1f4; }
    .status.APPROVED { background: #d9fdd3; color: #0b5e55; }
    .status.REJECTED, .status.DISABLED, .status.PAUSED { background: #fde2e1; color: var(--wa-danger); }
    .status.PENDING { background: #fff3c4; color: #7a5b00; }
    .reason { display: block; color: var(--wa-danger); font-size: 0.8em; }
    .steps { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem; padding: 0; margin: 0.75rem 0; counter-reset: step; }
    .steps button { font: inherit; border: 1px solid #d8dee4; border-radius: 999px; background: #f6f8fa; padding: 0.2rem 0.7rem; cursor: pointer; }
    .steps button[aria-current='step'] { background: var(--wa-accent); color: #fff; border-color: var(--wa-accent); }
    .steps button.has-error { border-color: var(--wa-danger); color: var(--wa-danger); }
    .steps button[aria-current='step'].has-error { color: #fff; background: var(--wa-danger); }
    .wizard { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 20rem); gap: 1rem; align-items: start; }
    @media (max-width: 44rem) { .wizard { grid-template-columns: 1fr; } }
    .nav { display: flex; justify-content: space-between; gap: 0.5rem; margin-top: 0.75rem; }
    dl.review { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 0.75rem; margin: 0; }
    dl.review dt { color: #5f6b7a; }
    dl.review dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
  `];

  #timer = null;

  constructor() {
    super();
    this._items = [];
    this._loading = false;
    this._listError = null;
    this._draft = null;
    this._draftId = null;
    this._step = 'basics';
    this._errors = {};
    this._error = null;
    this._busy = false;
    this._notice = '';
  }

  willUpdate(changed) {
    if (['apiBase', 'token', 'tokenProvider'].some((p) => changed.has(p))) this.#load();
  }

  render() {
    return html`<section class="card" aria-labelledby="tm-title">
      <div class="top">
        <h2 id="tm-title">WhatsApp templates</h2>
        ${this._draft ? nothing : html`<button type="button" class="primary" @click=${this.#newDraft}>New template</button>`}
      </div>
      <p role="status" class="visually-hidden">${this._notice}</p>
      ${this._notice && !this._draft ? html`<p class="notice">${this._notice}</p>` : nothing}
      ${this._draft ? this.#renderWizard() : this.#renderList()}
    </section>`;
  }

  #renderList() {
    if (this._listError) return this.renderError(this._listError, { onDismiss: () => this.#load() });
    if (!this._items.length) return html`<p>${this._loading ? 'Loading…' : 'No templates yet.'}</p>`;
    return html`<table>
      <caption class="visually-hidden">Templates, newest first</caption>
      <thead><tr><th scope="col">Name</th><th scope="col">Language</th><th scope="col">Category</th><th scope="col">Status</th><th scope="col">Used</th></tr></thead>
      <tbody>${this._items.map((t) => html`<tr>
        <td>${t.name}</td><td>${t.language}</td><td>${t.category?.toLowerCase()}</td>
        <td><span class="status ${t.status}">${t.status?.toLowerCase().replace(/_/g, ' ')}</span>
          ${t.rejectionReason ? html`<span class="reason">${t.rejectionReason}</span>` : nothing}</td>
        <td>${t.usageCount ?? 0}</td>
      </tr>`)}</tbody>
    </table>`;
  }

  #renderWizard() {
    const index = STEPS.findIndex((s) => s.id === this._step);
    const stepsWithErrors = new Set(Object.keys(this._errors).map(stepOfField));
    const ctx = {
      draft: this._draft,
      errors: this._errors,
      set: (path, value) => this.#set(path, value),
      setButton: (i, patch) => this.#setButtons(this._draft.buttons.map((b, j) => (j === i ? { ...b, ...patch } : b))),
      addButton: () => this.#setButtons([...this._draft.buttons, { type: 'QUICK_REPLY', text: '', url: '', phoneNumber: '' }]),
      removeButton: (i) => this.#setButtons(this._draft.buttons.filter((_, j) => j !== i)),
    };
    return html`<nav aria-label="Steps"><ol class="steps">
        ${STEPS.map((s, i) => html`<li><button type="button" class=${stepsWithErrors.has(s.id) ? 'has-error' : ''}
          aria-current=${s.id === this._step ? 'step' : nothing} @click=${() => this.#go(s.id)}>
          ${i + 1}. ${s.title}${stepsWithErrors.has(s.id) ? html`<span class="visually-hidden"> (has errors)</span>` : nothing}</button></li>`)}
      </ol></nav>
      ${this.renderError(this._error, { id: 'tm-error' })}
      <div class="wizard">
        <form @submit=${this.#onSubmit} aria-labelledby="tm-step-title">
          <h3 id="tm-step-title" tabindex="-1">${STEPS[index].title}</h3>
          ${this._step === 'review' ? this.#renderReview() : STEP_FIELDS[this._step](ctx)}
          <div class="nav">
            <button type="button" class="secondary" @click=${this.#cancel}>Cancel</button>
            <span>
              ${index > 0 ? html`<button type="button" class="secondary" @click=${() => this.#go(STEPS[index - 1].id)}>Back</button>` : nothing}
              ${this._step === 'review'
                ? html`<button type="submit" class="primary" ?disabled=${this._busy}>${this._busy ? 'Submitting…' : 'Submit for approval'}</button>`
                : html`<button type="submit" class="primary">Next</button>`}
            </span>
          </div>
        </form>
        ${renderPreview(renderTemplate(this._draft, this.#exampleValues()), { label: 'Live preview' })}
      </div>`;
  }

  #renderReview() {
    const d = this._draft;
    return html`<dl class="review">
      <dt>Name</dt><dd>${d.name}</dd><dt>Language</dt><dd>${d.language}</dd><dt>Category</dt><dd>${d.category}</dd>
      <dt>Header</dt><dd>${d.header.format === 'TEXT' ? d.header.text : d.header.format.toLowerCase()}</dd>
      <dt>Body</dt><dd>${d.body}</dd><dt>Footer</dt><dd>${d.footer || '—'}</dd>
      <dt>Buttons</dt><dd>${d.buttons.length ? d.buttons.map((b) => b.text || b.type).join(', ') : '—'}</dd>
    </dl>
    <p class="help">Submitting stores the template and sends it to WhatsApp for review; it can be sent once it is approved.</p>`;
  }

  /** The examples keyed like bindings (`body.1`), so the preview shows the sample values. */
  #exampleValues() {
    return Object.fromEntries(Object.entries(this._draft.examples).filter(([k]) => k !== 'header'));
  }

  #set(path, value) {
    const draft = structuredClone(this._draft);
    if (path.startsWith('examples.')) draft.examples[path.slice('examples.'.length)] = value;
    else if (path.startsWith('header.')) draft.header[path.slice('header.'.length)] = value;
    else draft[path] = value;
    this._draft = draft;
    this.#clearError(path);
  }

  #setButtons(buttons) {
    this._draft = { ...this._draft, buttons };
    this._errors = Object.fromEntries(Object.entries(this._errors).filter(([k]) => !k.startsWith('buttons')));
  }

  #clearError(field) {
    if (!(field in this._errors)) return;
    const { [field]: _, ...rest } = this._errors;
    this._errors = rest;
  }

  #go(step) {
    this._step = step;
    this.updateComplete.then(() => this.renderRoot.querySelector('#tm-step-title')?.focus?.());
  }

  #newDraft() {
    Object.assign(this, { _draft: emptyDraft(), _draftId: null, _step: 'basics', _errors: {}, _error: null, _notice: '' });
  }

  #cancel() {
    this._draft = null;
    this._errors = {};
    this._error = null;
  }

  #onSubmit(event) {
    event.preventDefault();
    const index = STEPS.findIndex((s) => s.id === this._step);
    if (this._step !== 'review') this.#go(STEPS[index + 1].id);
    else this.#submit();
  }

  /** Stores the draft (create, or replace a draft stored by an earlier attempt) and submits it for approval. */
  async #submit() {
    this._busy = true;
    this._error = null;
    try {
      const body = templateRequest(this._draft);
      const stored = this._draftId
        ? await this.request('PUT', `templates/${WaElement.segment(this._draftId)}`, body)
        : await this.request('POST', 'templates', body);
      this._draftId = stored.id;
      const submitted = await this.request('POST', `templates/${WaElement.segment(stored.id)}/submit`);
      this.dispatchEvent(new CustomEvent('wa-template-submitted', { detail: submitted, bubbles: true, composed: true }));
      this._notice = `Template ${submitted.name} was submitted for approval (status: ${submitted.status.toLowerCase()}).`;
      this._draft = null;
      this._errors = {};
      await this.#load();
    } catch (error) {
      this.#showRefusal(this.reportError(error));
    } finally {
      this._busy = false;
    }
  }

  /**
   * Puts each violation on its input, opens the first step that has one and focuses that input. What no
   * input shows (the whole template refused by Meta, a template already submitted, a network failure) is
   * the banner above the steps, so no refusal is ever left unseen.
   */
  async #showRefusal(error) {
    const { placed, unplaced } = splitErrors(errorsByField(error));
    const step = firstStepWithError(placed);
    this._errors = placed;
    const rest = Object.entries(unplaced);
    this._error = !step ? error
      : rest.length ? { display: rest.map(([field, message]) => `${field}: ${message}`).join(' ') } : null;
    if (!step) return;
    this._step = step;
    await this.updateComplete;
    const first = Object.keys(placed).find((f) => stepOfField(f) === step);
    this.renderRoot.querySelector(`#${inputIdOf(first)}`)?.focus();
  }

  async #load() {
    clearTimeout(this.#timer);
    this._loading = true;
    this._listError = null;
    try {
      const page = await this.request('GET', 'templates?size=200');
      this._items = page?.items ?? [];
      // Meta decides on a submitted template within minutes; the list follows it while anything is pending.
      if (this.isConnected && this._items.some((t) => t.status === 'PENDING')) this.#timer = setTimeout(() => this.#load(), PENDING_POLL_MS);
    } catch (error) {
      this._listError = this.reportError(error);
    } finally {
      this._loading = false;
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }
}

if (!customElements.get('wa-template-manager')) customElements.define('wa-template-manager', WaTemplateManager);
