import { html, nothing } from 'lit';
import { LEAD_FIELDS, leadValue, parameterLabel } from './lib/templates.js';

/**
 * One row per template parameter: where its value comes from (a lead field, or text typed here) and
 * the value. With a lead (the lead panel) a lead field shows that lead's value; without one (a bulk
 * send) it shows which field each recipient's value is read from. `onChange(key, binding)`.
 */
export function renderVariableFields({ keys, bindings, lead, attributeNames = [], onChange, idPrefix = 'var' }) {
  if (!keys.length) return nothing;
  const fields = [...LEAD_FIELDS, ...attributeNames.filter((a) => !LEAD_FIELDS.includes(a))];
  return html`<fieldset class="vars">
    <legend>Variables</legend>
    ${keys.map((key) => {
      const binding = bindings[key] ?? { source: 'constant', value: '' };
      const id = `${idPrefix}-${key.replace(/[^A-Za-z0-9]/g, '-')}`;
      const fromLead = binding.source === 'lead';
      const value = fromLead ? (lead ? leadValue(lead, binding.field) : `each lead's ${binding.field.replace(/_/g, ' ')}`) : binding.value ?? '';
      return html`<div class="var">
        <label for=${id}>${parameterLabel(key)}</label>
        <select aria-label="${parameterLabel(key)}: source" @change=${(e) => onChange(key, e.target.value === '' ? { source: 'constant', value: fromLead && lead ? value : '' } : { source: 'lead', field: e.target.value })}>
          <option value="" ?selected=${!fromLead}>Text</option>
          ${fields.map((f) => html`<option value=${f} ?selected=${fromLead && binding.field === f}>Lead: ${f.replace(/_/g, ' ')}</option>`)}
        </select>
        <input id=${id} .value=${value} ?readonly=${fromLead && !lead} aria-describedby="${id}-hint"
          @input=${(e) => onChange(key, { source: 'constant', value: e.target.value })}>
        <span id="${id}-hint" class="visually-hidden">${fromLead ? 'From the lead; typing replaces it with your own text' : 'Your own text'}</span>
      </div>`;
    })}
  </fieldset>`;
}
