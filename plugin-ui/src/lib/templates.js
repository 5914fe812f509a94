/**
 * Message templates on the client: which parameters a template has, how a binding fills one for a
 * lead, and what the lead will read. Pure, so the node test runner checks it; the server renders the
 * message that is actually sent, this only drives the live preview and the variable fields.
 */

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** The lead fields a binding may name (see docs/templates.md#variables); host attributes come on top. */
export const LEAD_FIELDS = Object.freeze(['first_name', 'name', 'phone', 'status', 'source', 'priority', 'owner']);

/**
 * What the campaign builder suggests for a binding: the fields above, and the host attributes most CRMs
 * have (any other attribute name may be typed; the server reads it from the lead's attributes).
 */
export const LEAD_FIELD_SUGGESTIONS = Object.freeze([...LEAD_FIELDS, 'email', 'company']);

/** Parameter names in a text, in order of first appearance: `['1', '2']` or `['first_name']`. */
export function placeholders(text) {
  const seen = [];
  for (const match of String(text ?? '').matchAll(PLACEHOLDER)) {
    if (!seen.includes(match[1])) seen.push(match[1]);
  }
  return seen;
}

/**
 * Every parameter of a template, keyed as bindings and examples are: `header.1`, `body.2`,
 * `body.first_name`, `buttons.<index>` (a URL button's variable or a copy-code button's code).
 */
export function parameterKeys(template) {
  if (!template) return [];
  const keys = [];
  if (template.header?.format === 'TEXT') keys.push(...placeholders(template.header.text).map((p) => `header.${p}`));
  keys.push(...placeholders(template.body).map((p) => `body.${p}`));
  (template.buttons ?? []).forEach((button, index) => {
    if ((button.type === 'URL' && placeholders(button.url).length) || button.type === 'COPY_CODE') keys.push(`buttons.${index}`);
  });
  return keys;
}

/** "body.2" → "Body {{2}}", "buttons.1" → "Button 2 value": the label of a variable field. */
export function parameterLabel(key) {
  const [where, name] = key.split('.');
  if (where === 'buttons') return `Button ${Number(name) + 1} value`;
  return `${where.charAt(0).toUpperCase()}${where.slice(1)} {{${name}}}`;
}

/** Whether the template has a media header, which needs a file (by link) to be sent. */
export function mediaHeaderKind(template) {
  const format = template?.header?.format;
  return ['IMAGE', 'VIDEO', 'DOCUMENT'].includes(format) ? format : null;
}

/** A lead's value for a binding field: `first_name` is the name's first word; other names may be host attributes. */
export function leadValue(lead, field) {
  if (!lead || !field) return '';
  const name = String(field).replace(/^attributes\./, '');
  if (name === 'first_name') return String(lead.name ?? '').trim().split(/\s+/)[0] ?? '';
  const value = lead[name] ?? lead.attributes?.[name];
  return value == null ? '' : String(value);
}

/**
 * The binding a variable field starts with: a named parameter that is a lead field reads that field,
 * the first body or header parameter reads the lead's first name (the greeting, by far the most
 * common), anything else starts as the template's example, to be edited.
 */
export function defaultBinding(key, template, lead) {
  const name = key.split('.')[1];
  const attributes = Object.keys(lead?.attributes ?? {});
  if (LEAD_FIELDS.includes(name) || attributes.includes(name)) return { source: 'lead', field: name };
  if ((key === 'body.1' || key === 'header.1') && template?.category !== 'AUTHENTICATION') {
    return { source: 'lead', field: 'first_name' };
  }
  return { source: 'constant', value: template?.examples?.[key] ?? '' };
}

export function defaultBindings(template, lead) {
  return Object.fromEntries(parameterKeys(template).map((key) => [key, defaultBinding(key, template, lead)]));
}

/**
 * What a binding gives for one lead; without a lead (a bulk send's preview) a lead field shows as
 * `‹first name›` so the preview says where the value will come from.
 */
export function resolveBinding(binding, lead) {
  if (!binding) return '';
  if (binding.source === 'lead') {
    if (!lead) return `‹${String(binding.field ?? '').replace(/_/g, ' ')}›`;
    return leadValue(lead, binding.field) || binding.fallback || '';
  }
  return binding.value ?? '';
}

function fill(text, where, values) {
  return String(text ?? '').replace(PLACEHOLDER, (whole, name) => {
    const value = values[`${where}.${name}`];
    return value === undefined || value === '' ? whole : value;
  });
}

/**
 * The template as the lead reads it, with `values` keyed like bindings: `{header, body, footer,
 * buttons: [{type, text, detail}]}`. An unfilled parameter stays visible as `{{1}}`.
 */
export function renderTemplate(template, values = {}) {
  if (!template) return null;
  const header = template.header?.format === 'TEXT' ? fill(template.header.text, 'header', values) : null;
  const buttons = (template.buttons ?? []).map((button, index) => {
    const value = values[`buttons.${index}`];
    if (button.type === 'URL') return { type: button.type, text: button.text, detail: String(button.url ?? '').replace(PLACEHOLDER, value || '$&') };
    if (button.type === 'PHONE_NUMBER') return { type: button.type, text: button.text, detail: button.phoneNumber };
    if (button.type === 'COPY_CODE') return { type: button.type, text: button.text || 'Copy code', detail: value || '' };
    return { type: button.type, text: button.text, detail: null };
  });
  return { headerMedia: mediaHeaderKind(template), header, body: fill(template.body, 'body', values), footer: template.footer || null, buttons };
}

/** The values of every parameter for a lead (or, without one, as placeholders naming the field). */
export function resolveAll(bindings, lead) {
  return Object.fromEntries(Object.entries(bindings ?? {}).map(([key, binding]) => [key, resolveBinding(binding, lead)]));
}

/** Only APPROVED templates can be sent. */
export function sendable(templates) {
  return (templates ?? []).filter((t) => t.status === 'APPROVED');
}
