import { html, nothing } from 'lit';
import { MAX_VARIANTS, templateVariables } from './lib/campaign-builder.js';
import { LEAD_FIELD_SUGGESTIONS } from './lib/templates.js';

/**
 * The builder's first three steps as render functions over the builder element `b`, which owns the
 * draft: `b.draft`, `b.set(path, value)`, `b.fieldError(field)` (an error template or nothing) and
 * `b.invalid(field)`. Kept apart so wa-campaign-builder.js holds navigation and saving only.
 */

const CRITERIA = [
  ['statuses', 'Statuses', 'new, qualified'],
  ['sources', 'Sources', 'website, instagram'],
  ['priorities', 'Priorities', 'high'],
  ['owners', 'Owners', 'maria.lead'],
  ['tags', 'Tags (any of)', 'vip'],
];

function text(b, field, label, value, onInput, { type = 'text', placeholder = '', describedBy = '', ...rest } = {}) {
  const id = `f-${field.replace(/[^a-z0-9]+/gi, '-')}`;
  return html`<label for=${id}>${label}
    <input id=${id} type=${type} .value=${value ?? ''} placeholder=${placeholder} aria-invalid=${b.invalid(field) ? 'true' : 'false'}
      aria-describedby="${id}-error ${describedBy}" min=${rest.min ?? nothing} max=${rest.max ?? nothing}
      @input=${(e) => onInput(e.target.value)}>
    ${b.fieldError(field, `${id}-error`)}
  </label>`;
}

export function audienceStep(b) {
  const { draft } = b;
  const csv = draft.audience.mode === 'csv';
  return html`
    <div class="grid2">
      ${text(b, 'name', 'Campaign name', draft.name, (v) => b.set('name', v))}
      ${text(b, 'description', 'Description (optional)', draft.description, (v) => b.set('description', v))}
    </div>
    <fieldset>
      <legend>Who receives it</legend>
      <label class="inline"><input type="radio" name="audience-mode" value="criteria" .checked=${!csv}
        @change=${() => b.set('audience.mode', 'criteria')}> Leads matching criteria</label>
      <label class="inline"><input type="radio" name="audience-mode" value="csv" .checked=${csv}
        @change=${() => b.set('audience.mode', 'csv')}> A list uploaded as CSV</label>
    </fieldset>
    ${csv ? csvPart(b) : criteriaPart(b)}`;
}

function criteriaPart(b) {
  const { audience } = b.draft;
  return html`
    <p class="hint" id="criteria-hint">Every field you fill narrows the audience; separate several values with commas.</p>
    <div class="grid2">
      ${CRITERIA.map(([field, label, example]) => text(b, `audience.${field}`, label, audience[field],
        (v) => b.set(`audience.${field}`, v), { placeholder: example, describedBy: 'criteria-hint' }))}
      ${text(b, 'createdFrom', 'Created from', audience.createdFrom, (v) => b.set('audience.createdFrom', v), { type: 'date' })}
      ${text(b, 'createdTo', 'Created to', audience.createdTo, (v) => b.set('audience.createdTo', v), { type: 'date' })}
    </div>
    ${audiencePreview(b)}`;
}

function audiencePreview(b) {
  const preview = b.preview;
  const excluded = Object.entries(preview?.excluded ?? {}).filter(([, n]) => n > 0);
  return html`<div class="card preview" aria-live="polite" aria-busy=${b.previewLoading ? 'true' : 'false'}>
    ${b.renderError(b.previewError)}
    ${preview ? html`
      <p><strong class="count">${preview.count.toLocaleString('en-US')}</strong> ${preview.count === 1 ? 'lead' : 'leads'} will receive it.
        ${excluded.length ? html`<span class="muted">Left out: ${excluded.map(([why, n]) => `${n} ${why.replace(/_/g, ' ')}`).join(', ')}.</span>` : nothing}</p>
      ${preview.sample?.length ? html`<details open><summary>Sample</summary><ul class="sample">
        ${preview.sample.map((s) => html`<li>${s.name ?? s.leadId} <span class="muted">${s.phone}</span></li>`)}
      </ul></details>` : nothing}` : html`<p class="muted">${b.previewLoading ? 'Counting…' : ''}</p>`}
    ${b.fieldError('audience', 'audience-error')}
  </div>`;
}

function csvPart(b) {
  const info = b.draft.csv;
  return html`
    <label for="f-csv">CSV file
      <input id="f-csv" type="file" accept=".csv,text/csv" aria-invalid=${b.invalid('csv') ? 'true' : 'false'}
        aria-describedby="f-csv-error csv-hint" @change=${(e) => b.chooseCsv(e.target.files?.[0])}>
      ${b.fieldError('csv', 'f-csv-error')}
    </label>
    <p class="hint" id="csv-hint">A header line naming the columns: <code>phone</code> (required), <code>name</code>, and
      any others, which become variables. Bad lines are reported by line number when the list is uploaded, before launch.</p>
    ${info ? html`<p class="card">${info.fileName}: ${info.rows} ${info.rows === 1 ? 'row' : 'rows'}, columns ${info.columns.join(', ')}</p>` : nothing}
    ${uploadReport(b.upload)}`;
}

/** The server's answer to an upload: counts and every bad line. */
export function uploadReport(report) {
  if (!report) return nothing;
  return html`<div class="card upload" role="status">
    <p>${report.rows} rows read: ${report.added} added, ${report.merged} merged as duplicates, ${report.invalid} invalid.</p>
    ${report.errors?.length ? html`<table class="line-errors"><caption class="visually-hidden">Lines that were not added</caption>
      <thead><tr><th scope="col" class="num">Line</th><th scope="col">Problem</th></tr></thead>
      <tbody>${report.errors.map((e) => html`<tr><td class="num">${e.line}</td><td>${e.reason}</td></tr>`)}</tbody>
    </table>
    <p class="hint">Launching sends to the ${report.added} added; the lines above are left out. To fix them, go back to Audience and choose a corrected file.</p>` : nothing}
  </div>`;
}

export function messageStep(b) {
  const { message } = b.draft;
  const ab = message.mode === 'ab';
  return html`
    <fieldset>
      <legend>What it sends</legend>
      <label class="inline"><input type="radio" name="message-mode" .checked=${!ab} @change=${() => b.set('message.mode', 'template')}> One template</label>
      <label class="inline"><input type="radio" name="message-mode" .checked=${ab} @change=${() => b.set('message.mode', 'ab')}> A/B test of templates</label>
    </fieldset>
    ${!b.templates.length ? html`<p class="muted">No approved templates yet: a campaign sends an approved template.</p>` : nothing}
    ${ab ? variantsPart(b) : templatePart(b, 'message', message.templateId, message.bindings, '')}`;
}

function templatePart(b, path, templateId, bindings, prefix) {
  const id = `f-${prefix}template`;
  const template = b.templateById(templateId);
  return html`
    <div class="field"><label for=${id}>Template</label>
      <select id=${id} .value=${templateId} aria-invalid=${b.invalid(`${prefix}templateId`) ? 'true' : 'false'}
        aria-describedby="${id}-error" @change=${(e) => b.set(`${path}.templateId`, e.target.value)}>
        <option value="">Choose an approved template…</option>
        ${b.templates.map((t) => html`<option value=${t.id} ?selected=${t.id === templateId}>${t.name} · ${t.language} · ${t.category}</option>`)}
      </select>
      ${b.fieldError(`${prefix}templateId`, `${id}-error`)}
    </div>
    ${template ? html`<div class="message-grid">
      <div>${templateVariables(template).map((key) => bindingRow(b, path, key, bindings?.[key], prefix))}
        ${templateVariables(template).length ? nothing : html`<p class="muted">This template has no variables.</p>`}</div>
      ${bubble(template, bindings)}
    </div>` : nothing}`;
}

function bindingRow(b, path, key, binding, prefix) {
  const value = binding ?? { source: 'lead', field: '', fallback: '' };
  const field = `${prefix}bindings.${key}`;
  const id = `f-${field.replace(/[^a-z0-9]+/gi, '-')}`;
  const put = (change) => b.set([...path.split('.'), 'bindings', key], { ...value, ...change });
  return html`<fieldset class="binding">
    <legend><code>{{${key.split('.').slice(1).join('.')}}}</code> in the ${key.split('.')[0]}</legend>
    <div class="field"><label for="${id}-source">Value from</label>
      <select id="${id}-source" .value=${value.source} @change=${(e) => put({ source: e.target.value })}>
        <option value="lead" ?selected=${value.source === 'lead'}>the lead's field</option>
        <option value="recipient" ?selected=${value.source === 'recipient'}>a CSV column</option>
        <option value="constant" ?selected=${value.source === 'constant'}>a fixed text</option>
      </select>
    </div>
    ${value.source === 'constant'
      ? html`<label for=${id}>Text <input id=${id} .value=${value.value ?? ''} aria-invalid=${b.invalid(field) ? 'true' : 'false'}
          aria-describedby="${id}-error" @input=${(e) => put({ value: e.target.value })}></label>`
      : html`<label for=${id}>${value.source === 'lead' ? 'Field' : 'Column'}
          <input id=${id} .value=${value.field ?? ''} list=${value.source === 'lead' ? 'lead-fields' : 'csv-columns'}
            aria-invalid=${b.invalid(field) ? 'true' : 'false'} aria-describedby="${id}-error"
            @input=${(e) => put({ field: e.target.value })}></label>
        <label for="${id}-fallback">If empty <input id="${id}-fallback" .value=${value.fallback ?? ''} @input=${(e) => put({ fallback: e.target.value })}></label>`}
    ${b.fieldError(field, `${id}-error`)}
  </fieldset>`;
}

/** The template as the recipient sees it, each variable shown as where its value comes from. */
function bubble(template, bindings) {
  const fill = (textValue, component) => String(textValue ?? '').replace(/\{\{\s*([^{}]*?)\s*}}/g, (_, name) => {
    const binding = bindings?.[`${component}.${name}`];
    if (binding?.source === 'constant' && binding.value) return binding.value;
    if (binding?.field) return `‹${binding.field}›`;
    return template.examples?.[`${component}.${name}`] ?? `{{${name}}}`;
  });
  return html`<div class="bubble" aria-label="Preview">
    ${template.header?.format === 'TEXT' ? html`<strong>${fill(template.header.text, 'header')}</strong>` : nothing}
    <p>${fill(template.body, 'body')}</p>
    ${template.footer ? html`<small class="muted">${template.footer}</small>` : nothing}
    ${(template.buttons ?? []).map((btn) => html`<div class="wa-button">${btn.text}</div>`)}
  </div>`;
}

function variantsPart(b) {
  const { variants } = b.draft.message;
  const sum = variants.reduce((s, v) => s + (Number(v.percent) || 0), 0);
  return html`
    <p class="hint">Each recipient gets one variant, drawn by the shares below; the campaign's figures are kept per variant.</p>
    ${variants.map((v, i) => html`<fieldset class="variant">
      <legend>Variant ${v.key}</legend>
      <div class="toolbar">
        ${text(b, `variants.${i}.key`, 'Key', v.key, (value) => b.setVariant(i, { key: value.toUpperCase() }))}
        ${text(b, `variants.${i}.percent`, 'Share (%)', v.percent, (value) => b.setVariant(i, { percent: value }), { type: 'number', min: 1, max: 99 })}
        <button type="button" class="danger" ?disabled=${variants.length <= 2} @click=${() => b.removeVariant(i)}
          aria-label="Remove variant ${v.key}">Remove</button>
      </div>
      ${templatePart(b, `message.variants.${i}`, v.templateId, v.bindings, `variants.${i}.`)}
    </fieldset>`)}
    <p class="toolbar"><button type="button" ?disabled=${variants.length >= MAX_VARIANTS} @click=${() => b.addVariant()}>Add a variant</button>
      <span aria-live="polite">Shares: ${sum}%</span></p>
    ${b.fieldError('variants', 'variants-error')}`;
}

export function scheduleStep(b) {
  const { schedule, window } = b.draft;
  return html`
    <fieldset>
      <legend>When</legend>
      ${[['NOW', 'Now, at launch'], ['AT', 'Once, at a date and time'], ['CRON', 'Repeatedly (cron)']].map(([kind, label]) =>
        html`<label class="inline"><input type="radio" name="schedule-kind" .checked=${schedule.kind === kind}
          @change=${() => b.set('schedule.kind', kind)}> ${label}</label>`)}
    </fieldset>
    <div class="grid2">
      ${schedule.kind === 'AT' ? text(b, 'schedule.at', 'Start at (your local time)', schedule.at, (v) => b.set('schedule.at', v), { type: 'datetime-local' }) : nothing}
      ${schedule.kind === 'CRON' ? text(b, 'schedule.cron', 'Cron (minute hour day month weekday)', schedule.cron, (v) => b.set('schedule.cron', v), { placeholder: '0 9 * * 1' }) : nothing}
      ${text(b, 'schedule.zone', 'Time zone', schedule.zone, (v) => b.set('schedule.zone', v), { placeholder: 'Asia/Jakarta' })}
      ${text(b, 'throttlePerMinute', 'Messages per minute at most', b.draft.throttlePerMinute, (v) => b.set('throttlePerMinute', v), { type: 'number', min: 1, max: 100000 })}
    </div>
    <fieldset>
      <legend>Send window (optional)</legend>
      <p class="hint" id="window-hint">Daily hours in each lead's own time zone (else the campaign's); recipients outside them wait.
        An end before the start spans midnight.</p>
      <div class="toolbar">
        ${text(b, 'window', 'From', window.start, (v) => b.set('window.start', v), { type: 'time', describedBy: 'window-hint' })}
        <label for="f-window-end">To <input id="f-window-end" type="time" .value=${window.end} aria-describedby="window-hint"
          @input=${(e) => b.set('window.end', e.target.value)}></label>
      </div>
    </fieldset>`;
}

/** Suggestions for the binding inputs: the lead fields every host has, and the uploaded list's columns. */
export function fieldSuggestions(csvColumns) {
  return html`<datalist id="lead-fields">${LEAD_FIELD_SUGGESTIONS.map((f) => html`<option value=${f}></option>`)}</datalist>
    <datalist id="csv-columns">${(csvColumns ?? []).map((f) => html`<option value=${f}></option>`)}</datalist>`;
}
