import { html, nothing } from 'lit';
import { WaElement } from './wa-base.js';
import { pageStyles } from './page.styles.js';
import { builderStyles } from './wa-campaign-builder.styles.js';
import { audienceStep, fieldSuggestions, messageStep, scheduleStep, uploadReport } from './campaign-builder-steps.js';
import { campaignReview } from './campaign-review.js';
import { builderField,
  STEPS, audienceCriteria, emptyDraft, evenSplit, inspectCsv, newVariant, nextVariantKey, toCampaignRequest, validateStep,
} from './lib/campaign-builder.js';

const PREVIEW_DELAY_MS = 400;
/** Which step holds a field the API named, so its error is shown where it can be fixed. */
const FIELD_STEP = [[/^(name|description|audience|csv|created)/, 0], [/^(templateId|bindings|variants)/, 1], [/^(schedule|throttle|window)/, 2]];

/**
 * `<wa-campaign-builder>`: a new campaign in four steps — audience (criteria with a live count and
 * sample, or a CSV list whose bad lines are reported), message (a template and its variables, or an
 * A/B split of templates), schedule (now, at a time, or cron; throttle; daily send window), review and
 * launch. Events: `wa-campaign-launched` (detail: the campaign as the API answered), `wa-campaign-saved`
 * (a draft was saved), `wa-campaign-builder-closed` (the user left without launching).
 */
export class WaCampaignBuilder extends WaElement {
  static properties = {
    zone: { type: String },
    _step: { state: true },
    _draft: { state: true },
    _templates: { state: true },
    _showErrors: { state: true },
    _serverErrors: { state: true },
    _preview: { state: true },
    _previewLoading: { state: true },
    _previewError: { state: true },
    _upload: { state: true },
    _saved: { state: true },
    _busy: { state: true },
    _error: { state: true },
  };

  static styles = [WaElement.styles, pageStyles, builderStyles];

  #previewTimer = null;
  #previewGeneration = 0;

  constructor() {
    super();
    this.zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    this._step = 0;
    this._draft = emptyDraft({ zone: this.zone });
    this._templates = [];
    this._showErrors = false;
    this._serverErrors = {};
    this._preview = null;
    this._previewLoading = false;
    this._previewError = null;
    this._upload = null;
    this._saved = null;
    this._busy = false;
    this._error = null;
  }

  willUpdate(changed) {
    if (changed.has('zone') && this.zone && !this._saved) this._draft = { ...this._draft, schedule: { ...this._draft.schedule, zone: this.zone } };
    if (['apiBase', 'token', 'tokenProvider'].some((p) => changed.has(p))) {
      this.#loadTemplates();
      this.#schedulePreview(0);
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#previewTimer);
  }

  // --- what the step renderers use -------------------------------------------------------------

  get draft() { return this._draft; }
  get templates() { return this._templates; }
  get preview() { return this._preview; }
  get previewLoading() { return this._previewLoading; }
  get previewError() { return this._previewError; }
  get upload() { return this._upload; }

  templateById(id) { return this._templates.find((t) => t.id === id); }

  /** Sets one value of the draft by a dotted path; criteria changes refresh the audience count. */
  set(path, value) {
    const parts = Array.isArray(path) ? path : path.split('.');
    this._draft = setPath(this._draft, parts, value);
    if (Object.keys(this._serverErrors).length) this._serverErrors = {};
    if (parts[0] === 'audience') {
      this._upload = null;
      this.#schedulePreview(PREVIEW_DELAY_MS);
    }
  }

  setVariant(i, change) {
    const variants = this._draft.message.variants.map((v, j) => (j === i ? { ...v, ...change } : v));
    this.set('message.variants', variants);
  }

  addVariant() {
    const variants = [...this._draft.message.variants, newVariant(nextVariantKey(this._draft.message.variants), 0)];
    const shares = evenSplit(variants.length);
    this.set('message.variants', variants.map((v, i) => ({ ...v, percent: String(shares[i]) })));
  }

  removeVariant(i) {
    this.set('message.variants', this._draft.message.variants.filter((_, j) => j !== i));
  }

  async chooseCsv(file) {
    if (!file) return this.set('csv', null);
    const content = await file.text();
    if (this._saved && this._upload) {
      // An uploaded list is merged into, never replaced: a new file needs a new draft.
      const old = this._saved.id;
      this._saved = null;
      this.request('DELETE', `campaigns/${WaElement.segment(old)}`).catch((error) => (this._error = this.reportError(error)));
    }
    this._upload = null;
    this.set('csv', { fileName: file.name, text: content, ...inspectCsv(content) });
  }

  invalid(field) {
    return Boolean(this.#errors()[field]);
  }

  fieldError(field, id) {
    const message = this.#errors()[field];
    return message ? html`<span class="field-error" id=${id ?? nothing} role="alert">${message}</span>` : nothing;
  }

  // --- rendering --------------------------------------------------------------------------------

  render() {
    const step = STEPS[this._step];
    const last = this._step === STEPS.length - 1;
    return html`<section aria-labelledby="builder-title">
      <h2 id="builder-title">New campaign</h2>
      <nav aria-label="Steps"><ol class="steps">
        ${STEPS.map((s, i) => html`<li><button type="button" aria-current=${i === this._step ? 'step' : nothing}
          ?disabled=${i > this._step && !this.#canReach(i)} @click=${() => this.#go(i)}>${i + 1}. ${s.title}</button></li>`)}
      </ol></nav>
      <form @submit=${this.#onSubmit} novalidate>
        <h3 id="step-title" tabindex="-1">${step.title}</h3>
        ${this.#stepBody(step.id)}
        ${fieldSuggestions(this._draft.csv?.variables)}
        ${this.renderError(this._error, { id: 'builder-error', onDismiss: () => (this._error = null) })}
        <div class="nav">
          <button type="button" class="left" @click=${this.#close}>Cancel</button>
          ${this._step > 0 ? html`<button type="button" @click=${() => this.#go(this._step - 1)}>Back</button>` : nothing}
          ${last ? html`<button type="button" ?disabled=${this._busy} @click=${() => this.#save(false)}>Save as draft</button>` : nothing}
          <button type="submit" class="primary" ?disabled=${this._busy}>${last ? this.#launchLabel() : 'Next'}</button>
        </div>
      </form>
    </section>`;
  }

  #stepBody(id) {
    if (id === 'audience') return audienceStep(this);
    if (id === 'message') return messageStep(this);
    if (id === 'schedule') return scheduleStep(this);
    return html`${campaignReview(this._draft, this._preview, this.templates)}${uploadReport(this._upload)}`;
  }

  #launchLabel() {
    if (this._busy) return 'Working…';
    if (this._draft.audience.mode === 'csv' && !this._upload) return 'Upload list and check';
    return this._draft.schedule.kind === 'NOW' ? 'Launch campaign' : 'Schedule campaign';
  }

  // --- navigation -------------------------------------------------------------------------------

  #errors() {
    const local = this._showErrors ? validateStep(STEPS[this._step].id, this._draft, this.#context()) : {};
    return { ...local, ...this._serverErrors };
  }

  #context() {
    return { preview: this._preview, templates: Object.fromEntries(this._templates.map((t) => [t.id, t])), now: new Date() };
  }

  #canReach(target) {
    return STEPS.slice(0, target).every((s) => !Object.keys(validateStep(s.id, this._draft, this.#context())).length);
  }

  async #go(target) {
    if (target > this._step && Object.keys(validateStep(STEPS[this._step].id, this._draft, this.#context())).length) {
      this._showErrors = true;
      await this.updateComplete;
      this.renderRoot.querySelector('[aria-invalid="true"]')?.focus();
      return;
    }
    this._step = target;
    this._showErrors = false;
    await this.updateComplete;
    this.renderRoot.getElementById('step-title')?.focus();
  }

  #onSubmit(event) {
    event.preventDefault();
    if (this._step < STEPS.length - 1) this.#go(this._step + 1);
    else this.#save(true);
  }

  #close() {
    this.dispatchEvent(new CustomEvent('wa-campaign-builder-closed', { detail: { draft: this._saved }, bubbles: true, composed: true }));
  }

  // --- talking to the API -----------------------------------------------------------------------

  async #loadTemplates() {
    try {
      const page = await this.request('GET', 'templates?status=approved&size=200');
      this._templates = page?.items ?? [];
    } catch (error) {
      this._error = this.reportError(error);
    }
  }

  #schedulePreview(delay) {
    clearTimeout(this.#previewTimer);
    if (this._draft.audience.mode !== 'criteria') return;
    // Busy from the first keystroke, so the count on screen is never taken for the new criteria's; an
    // answer still on its way for the old criteria is dropped when it comes.
    this.#previewGeneration++;
    this._previewLoading = true;
    this.#previewTimer = setTimeout(() => this.#loadPreview(), delay);
  }

  async #loadPreview() {
    const generation = ++this.#previewGeneration;
    this._previewLoading = true;
    try {
      const preview = await this.request('POST', 'campaigns/audience-preview?sample=5', audienceCriteria(this._draft.audience));
      if (generation === this.#previewGeneration) Object.assign(this, { _preview: preview, _previewError: null });
    } catch (error) {
      if (generation === this.#previewGeneration) Object.assign(this, { _preview: null, _previewError: this.reportError(error) });
    } finally {
      if (generation === this.#previewGeneration) this._previewLoading = false;
    }
  }

  /**
   * Saves the draft (created once, then updated), uploads a CSV list once per file, and launches. An
   * upload with bad lines stops before the launch so they can be read; launching again goes ahead.
   */
  async #save(launch) {
    const errors = validateStep('review', this._draft, this.#context());
    if (Object.keys(errors).length) {
      this._showErrors = true;
      this.#go(STEPS.findIndex((s) => Object.keys(validateStep(s.id, this._draft, this.#context())).length));
      return;
    }
    Object.assign(this, { _busy: true, _error: null, _serverErrors: {} });
    try {
      const body = toCampaignRequest(this._draft, this.#context().templates);
      this._saved = this._saved
        ? await this.request('PUT', `campaigns/${WaElement.segment(this._saved.id)}`, body)
        : await this.request('POST', 'campaigns', body);
      const csv = this._draft.audience.mode === 'csv';
      if (csv && !this._upload) {
        this._upload = await this.#uploadCsv(this._saved.id, this._draft.csv.text);
        // Stop so the bad lines can be read; launching again goes ahead with the good rows.
        if (this._upload.invalid > 0 && launch) return;
      }
      if (!launch) {
        this.#emit('wa-campaign-saved', this._saved);
        return;
      }
      const launched = await this.request('POST', `campaigns/${WaElement.segment(this._saved.id)}/launch`);
      this.#emit('wa-campaign-launched', launched);
    } catch (error) {
      this.#showServerError(this.reportError(error));
    } finally {
      this._busy = false;
    }
  }

  async #uploadCsv(id, content) {
    const answer = await this.fetchApi('POST', `campaigns/${WaElement.segment(id)}/recipients/csv`, { body: content, contentType: 'text/csv' });
    return answer.json();
  }

  /** An error naming a field goes next to that field, on its step; any other above the buttons. */
  #showServerError(error) {
    const step = error.field ? FIELD_STEP.find(([pattern]) => pattern.test(error.field))?.[1] : undefined;
    if (step === undefined) {
      this._error = error;
      return;
    }
    this._serverErrors = { [builderField(error.field)]: error.message };
    this._error = step === this._step ? null : error;
    this._step = step;
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

function setPath(object, [head, ...rest], value) {
  const copy = Array.isArray(object) ? [...object] : { ...object };
  copy[head] = rest.length ? setPath(object?.[head] ?? {}, rest, value) : value;
  return copy;
}

if (!customElements.get('wa-campaign-builder')) customElements.define('wa-campaign-builder', WaCampaignBuilder);
