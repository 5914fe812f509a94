import { html, nothing } from 'lit';
import { exampleKeys, inputIdOf } from './lib/wizard.js';
import { parameterLabel } from './lib/templates.js';

/**
 * The fields of each step of the template wizard, as templates over the element's draft. `ctx` is
 * `{draft, errors, set(path, value), setButton(i, patch), addButton(type), removeButton(i)}`; every
 * input's id comes from the API field it edits, so a refusal lands on the right input.
 */
export const STEP_FIELDS = {
  basics: (ctx) => html`
    ${text(ctx, 'name', 'Name', { help: 'Lowercase letters, digits and underscores, e.g. spring_offer.' })}
    ${select(ctx, 'category', 'Category', ['MARKETING', 'UTILITY', 'AUTHENTICATION'])}
    ${text(ctx, 'language', 'Language', { help: 'A language code such as en_US, id or pt_BR.' })}
    ${select(ctx, 'parameterFormat', 'Variables', ['POSITIONAL', 'NAMED'], { help: 'POSITIONAL: {{1}}, {{2}}…; NAMED: {{first_name}}.' })}`,
  header: (ctx) => html`
    ${select(ctx, 'header.format', 'Header', ['NONE', 'TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT'])}
    ${ctx.draft.header.format === 'TEXT' ? text(ctx, 'header.text', 'Header text', { help: 'At most 60 characters and one variable.' }) : nothing}`,
  body: (ctx) => html`
    ${text(ctx, 'body', 'Body', { multiline: true, help: 'Up to 1,024 characters; variables like {{1}}, not at the very start or end.' })}
    ${text(ctx, 'footer', 'Footer (optional)', { help: 'At most 60 characters, no variables.' })}`,
  buttons: (ctx) => html`
    ${ctx.errors.buttons ? html`<p class="field-error" id="f-buttons" role="alert">${ctx.errors.buttons}</p>` : nothing}
    ${ctx.draft.buttons.map((b, i) => html`<fieldset class="vars">
      <legend>Button ${i + 1}</legend>
      ${select(ctx, `buttons[${i}].type`, 'Type', ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE'], { value: b.type, onInput: (v) => ctx.setButton(i, { type: v }) })}
      ${b.type !== 'COPY_CODE' ? text(ctx, `buttons[${i}].text`, 'Label', { value: b.text, onInput: (v) => ctx.setButton(i, { text: v }) }) : nothing}
      ${b.type === 'URL' ? text(ctx, `buttons[${i}].url`, 'URL', { value: b.url, help: 'https://…, optionally ending in {{1}}.', onInput: (v) => ctx.setButton(i, { url: v }) }) : nothing}
      ${b.type === 'PHONE_NUMBER' ? text(ctx, `buttons[${i}].phoneNumber`, 'Phone number', { value: b.phoneNumber, help: '+, country code and number.', onInput: (v) => ctx.setButton(i, { phoneNumber: v }) }) : nothing}
      <button type="button" class="secondary" @click=${() => ctx.removeButton(i)}>Remove button ${i + 1}</button>
    </fieldset>`)}
    <button type="button" class="secondary" @click=${() => ctx.addButton()} ?disabled=${ctx.draft.buttons.length >= 10}>Add a button</button>`,
  examples: (ctx) => {
    const keys = exampleKeys(ctx.draft);
    if (!keys.length) return html`<p>This template has no variables and no media header: no examples are needed.</p>`;
    return html`<p class="help">Meta reviews the template with these sample values.</p>
      ${keys.map((k) => text(ctx, `examples.${k}`, k === 'header' ? 'Sample media link (https)' : `Example for ${parameterLabel(k)}`,
        { value: ctx.draft.examples[k] ?? '', onInput: (v) => ctx.set(`examples.${k}`, v) }))}`;
  },
};

function read(draft, path) {
  return path.split('.').reduce((o, k) => (o == null ? o : o[k]), draft);
}

function fieldError(ctx, field) {
  const error = ctx.errors[field];
  return error ? html`<p class="field-error" id="${inputIdOf(field)}-error">${error}</p>` : nothing;
}

function describedBy(ctx, field, help) {
  return [help ? `${inputIdOf(field)}-help` : '', ctx.errors[field] ? `${inputIdOf(field)}-error` : ''].filter(Boolean).join(' ') || nothing;
}

function text(ctx, field, label, { help, multiline, value, onInput } = {}) {
  const id = inputIdOf(field);
  const current = value ?? read(ctx.draft, field) ?? '';
  const input = (e) => (onInput ? onInput(e.target.value) : ctx.set(field, e.target.value));
  const invalid = ctx.errors[field] ? 'true' : 'false';
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${multiline
      ? html`<textarea id=${id} .value=${current} aria-invalid=${invalid} aria-describedby=${describedBy(ctx, field, help)} @input=${input}></textarea>`
      : html`<input id=${id} .value=${current} aria-invalid=${invalid} aria-describedby=${describedBy(ctx, field, help)} @input=${input}>`}
    ${help ? html`<span class="help" id="${id}-help">${help}</span>` : nothing}
    ${fieldError(ctx, field)}
  </div>`;
}

function select(ctx, field, label, options, { help, value, onInput } = {}) {
  const id = inputIdOf(field);
  const current = value ?? read(ctx.draft, field);
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <select id=${id} aria-invalid=${ctx.errors[field] ? 'true' : 'false'} aria-describedby=${describedBy(ctx, field, help)}
      @change=${(e) => (onInput ? onInput(e.target.value) : ctx.set(field, e.target.value))}>
      ${options.map((o) => html`<option value=${o} ?selected=${o === current}>${o.replace(/_/g, ' ').toLowerCase()}</option>`)}
    </select>
    ${help ? html`<span class="help" id="${id}-help">${help}</span>` : nothing}
    ${fieldError(ctx, field)}
  </div>`;
}
