/**
 * The campaign builder's rules, pure so the node test runner checks them: the steps, what each step
 * needs before the next one, the template variables to bind, A/B split checks, and the request body
 * the draft becomes (the API's campaign JSON, see docs/campaigns.md and the shared A/B contract).
 */

export const STEPS = Object.freeze([
  { id: 'audience', title: 'Audience' },
  { id: 'message', title: 'Message' },
  { id: 'schedule', title: 'Schedule' },
  { id: 'review', title: 'Review and launch' },
]);

export const MAX_VARIANTS = 8; // the server takes 2 to 8 (docs/campaigns.md)
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const VARIABLE = /\{\{\s*([^{}]*?)\s*}}/g;

/** A new campaign: criteria audience, one template, sent now at the default throttle, any time of day. */
export function emptyDraft({ zone = 'UTC', throttle = 100 } = {}) {
  return {
    name: '',
    description: '',
    audience: { mode: 'criteria', statuses: '', sources: '', priorities: '', owners: '', tags: '', createdFrom: '', createdTo: '' },
    csv: null,
    message: { mode: 'template', templateId: '', bindings: {}, variants: [newVariant('A', 50), newVariant('B', 50)] },
    schedule: { kind: 'NOW', at: '', cron: '', zone },
    throttlePerMinute: String(throttle),
    window: { start: '', end: '' },
  };
}

export function newVariant(key, percent) {
  return { key, templateId: '', bindings: {}, percent: String(percent) };
}

/** "new, qualified ,," → ["new", "qualified"]. */
export function splitList(text) {
  return String(text ?? '').split(',').map((v) => v.trim()).filter(Boolean);
}

/**
 * The audience JSON for criteria: only the fields given (the API reads a missing field as "any").
 * Dates (YYYY-MM-DD) cover whole days in UTC.
 */
export function audienceCriteria(audience) {
  const spec = { source: 'leads' };
  for (const field of ['statuses', 'sources', 'priorities', 'owners', 'tags']) {
    const values = splitList(audience[field]);
    if (values.length) spec[field] = values;
  }
  if (audience.createdFrom) spec.createdFrom = `${audience.createdFrom}T00:00:00Z`;
  if (audience.createdTo) spec.createdTo = `${audience.createdTo}T23:59:59Z`;
  return spec;
}

/**
 * A CSV's header checked before upload: the API needs a `phone` column and reads every other column
 * but `name` as a variable. Delimiter: comma or semicolon, whichever the header uses.
 */
export function inspectCsv(text) {
  const lines = String(text ?? '').replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0] ?? '';
  const delimiter = header.includes(';') && !header.includes(',') ? ';' : ',';
  const columns = header.split(delimiter).map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase()).filter(Boolean);
  const rows = lines.slice(1).filter((l) => l.trim()).length;
  return {
    columns,
    rows,
    variables: columns.filter((c) => c !== 'phone' && c !== 'name'),
    error: !columns.includes('phone') ? 'The first line must name the columns, one of them "phone".'
      : rows === 0 ? 'The file has no rows after its header.' : null,
  };
}

/**
 * The binding keys a template needs, in the API's naming: `header.N`, `body.N` (N the placeholder, a
 * number or a name), `buttons.I` for a URL button with a placeholder. Duplicates appear once.
 */
export function templateVariables(template) {
  if (!template) return [];
  const keys = [];
  const add = (key) => { if (!keys.includes(key)) keys.push(key); };
  if (template.header?.format === 'TEXT') for (const name of placeholders(template.header.text)) add(`header.${name}`);
  for (const name of placeholders(template.body)) add(`body.${name}`);
  (template.buttons ?? []).forEach((button, i) => {
    if (button.type === 'URL' && placeholders(button.url).length) add(`buttons.${i}`);
  });
  return keys;
}

function placeholders(text) {
  return [...String(text ?? '').matchAll(VARIABLE)].map((m) => m[1]);
}

/** Whether a binding gives a value: a lead field, a per-recipient column or a constant. */
export function bindingComplete(binding) {
  if (!binding) return false;
  if (binding.source === 'constant') return Boolean(String(binding.value ?? '').trim());
  return Boolean(String(binding.field ?? '').trim());
}

/** Problems of an A/B split, by field: 2 to 8 variants, unique keys, a template each, whole percents adding to 100. */
export function variantErrors(variants) {
  const errors = {};
  const list = variants ?? [];
  if (list.length < 2) errors.variants = 'An A/B test needs at least two variants.';
  if (list.length > MAX_VARIANTS) errors.variants = `At most ${MAX_VARIANTS} variants.`;
  const seen = new Set();
  let sum = 0;
  list.forEach((variant, i) => {
    const key = String(variant.key ?? '').trim();
    if (!/^[A-Za-z0-9]{1,8}$/.test(key)) errors[`variants.${i}.key`] = 'A key is 1 to 8 letters or digits.';
    else if (seen.has(key)) errors[`variants.${i}.key`] = `Key ${key} is used twice.`;
    seen.add(key);
    if (!variant.templateId) errors[`variants.${i}.templateId`] = 'Choose a template.';
    const percent = Number(variant.percent);
    if (!Number.isInteger(percent) || percent < 1 || percent > 99) errors[`variants.${i}.percent`] = 'A whole number from 1 to 99.';
    sum += Number.isFinite(percent) ? percent : 0;
  });
  if (list.length >= 2 && !errors.variants && sum !== 100) errors.variants = `The shares add up to ${sum}%, not 100%.`;
  return errors;
}

/**
 * What is missing or wrong in one step, as `{field: message}` (empty when the step is done).
 * `context`: `{preview}` (the audience preview answer), `templates` (id → template), `now` (a Date).
 */
export function validateStep(stepId, draft, context = {}) {
  const errors = {};
  if (stepId === 'audience') {
    const name = draft.name.trim();
    if (!name) errors.name = 'Give the campaign a name.';
    else if (name.length > 200) errors.name = 'At most 200 characters.';
    if (draft.audience.mode === 'csv') {
      if (!draft.csv) errors.csv = 'Choose a CSV file.';
      else if (draft.csv.error) errors.csv = draft.csv.error;
    } else if (draft.audience.createdFrom && draft.audience.createdTo && draft.audience.createdFrom > draft.audience.createdTo) {
      errors.createdTo = 'The end date is before the start date.';
    } else if (context.preview && context.preview.count === 0) {
      errors.audience = 'No lead matches these criteria.';
    }
  }
  if (stepId === 'message') Object.assign(errors, messageErrors(draft.message, context.templates ?? {}));
  if (stepId === 'schedule') Object.assign(errors, scheduleErrors(draft, context.now ?? new Date()));
  if (stepId === 'review') {
    for (const step of STEPS.slice(0, 3)) Object.assign(errors, validateStep(step.id, draft, context));
  }
  return errors;
}

function messageErrors(message, templates) {
  const errors = {};
  const bindingErrors = (templateId, bindings, prefix) => {
    for (const key of templateVariables(templates[templateId])) {
      if (!bindingComplete(bindings?.[key])) errors[`${prefix}bindings.${key}`] = 'Say where this value comes from.';
    }
  };
  if (message.mode === 'ab') {
    Object.assign(errors, variantErrors(message.variants));
    message.variants.forEach((v, i) => v.templateId && bindingErrors(v.templateId, v.bindings, `variants.${i}.`));
  } else if (!message.templateId) {
    errors.templateId = 'Choose an approved template.';
  } else {
    bindingErrors(message.templateId, message.bindings, '');
  }
  return errors;
}

function scheduleErrors(draft, now) {
  const errors = {};
  const { kind, at, cron, zone } = draft.schedule;
  if (kind === 'AT') {
    const when = new Date(at);
    if (!at || Number.isNaN(when.getTime())) errors['schedule.at'] = 'Choose a date and time.';
    else if (when <= now) errors['schedule.at'] = 'Choose a time in the future.';
  }
  if (kind === 'CRON' && String(cron ?? '').trim().split(/\s+/).filter(Boolean).length !== 5) {
    errors['schedule.cron'] = 'Five fields: minute hour day-of-month month day-of-week, e.g. "0 9 * * 1".';
  }
  if (!String(zone ?? '').trim()) errors['schedule.zone'] = 'Give a time zone, e.g. Asia/Jakarta.';
  const throttle = Number(draft.throttlePerMinute);
  if (!Number.isInteger(throttle) || throttle < 1 || throttle > 100000) {
    errors.throttlePerMinute = 'A whole number from 1 to 100000.';
  }
  const { start, end } = draft.window;
  if (Boolean(start) !== Boolean(end)) errors.window = 'Give both the start and the end, or neither.';
  else if (start && (!HH_MM.test(start) || !HH_MM.test(end))) errors.window = 'Times are HH:mm.';
  else if (start && start === end) errors.window = 'The start and the end are the same.';
  return errors;
}

/** The bindings the API takes: only those complete, in its `{source, field, value, fallback}` shape. */
export function cleanBindings(bindings, keys) {
  const out = {};
  for (const key of keys) {
    const b = bindings?.[key];
    if (!bindingComplete(b)) continue;
    out[key] = b.source === 'constant'
      ? { source: 'constant', value: b.value }
      : { source: b.source, field: b.field.trim(), ...(b.fallback ? { fallback: b.fallback } : {}) };
  }
  return out;
}

/** The campaign request body for `POST /campaigns` (or `PUT` of the draft): exactly one of templateId and variants. */
export function toCampaignRequest(draft, templates = {}) {
  const body = {
    name: draft.name.trim(),
    audience: draft.audience.mode === 'csv' ? { source: 'list' } : audienceCriteria(draft.audience),
    schedule: scheduleRequest(draft.schedule),
    throttlePerMinute: Number(draft.throttlePerMinute),
  };
  if (draft.description.trim()) body.description = draft.description.trim();
  if (draft.window.start && draft.window.end) body.window = { start: draft.window.start, end: draft.window.end };
  const { message } = draft;
  if (message.mode === 'ab') {
    body.variants = message.variants.map((v) => ({
      key: v.key.trim(),
      templateId: v.templateId,
      bindings: cleanBindings(v.bindings, templateVariables(templates[v.templateId])),
      percent: Number(v.percent),
    }));
  } else {
    body.templateId = message.templateId;
    body.bindings = cleanBindings(message.bindings, templateVariables(templates[message.templateId]));
  }
  return body;
}

/** `at` from a datetime-local value, read in the browser's zone and sent with its offset (as UTC). */
function scheduleRequest({ kind, at, cron, zone }) {
  const schedule = { kind, zone: zone.trim() };
  if (kind === 'AT') schedule.at = new Date(at).toISOString();
  if (kind === 'CRON') schedule.cron = cron.trim().split(/\s+/).join(' ');
  return schedule;
}

/** The variant keys after the last: A, B, C, ... */
export function nextVariantKey(variants) {
  const used = new Set((variants ?? []).map((v) => v.key));
  for (let code = 65; code <= 90; code += 1) {
    const key = String.fromCharCode(code);
    if (!used.has(key)) return key;
  }
  return String((variants ?? []).length + 1);
}

/** Even whole-number shares for n variants, the remainder to the first ones: 3 → [34, 33, 33]. */
export function evenSplit(n) {
  const base = Math.floor(100 / n);
  return Array.from({ length: n }, (_, i) => base + (i < 100 - base * n ? 1 : 0));
}

/**
 * The builder's key for a field the API named: `variants[0].templateId` → `variants.0.templateId`, and a
 * binding's part (`bindings.body.1.field`, `variants[1].bindings.body.1.value`) → the binding itself, which
 * is what one row of the form edits.
 */
export function builderField(field) {
  return String(field ?? '').replace(/\[(\d+)\]/g, '.$1')
    .replace(/^((?:variants\.\d+\.)?bindings\.[^.]+\.[^.]+)\.(field|value|fallback|source|column)$/, '$1');
}
