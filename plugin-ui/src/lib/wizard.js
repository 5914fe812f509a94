/**
 * The template wizard's steps, in the order Meta's own template manager asks for them, and the
 * mapping from the API's violation fields to the step and input that shows them. Pure.
 */
import { parameterKeys } from './templates.js';

export const STEPS = Object.freeze([
  { id: 'basics', title: 'Basics' },
  { id: 'header', title: 'Header' },
  { id: 'body', title: 'Body and footer' },
  { id: 'buttons', title: 'Buttons' },
  { id: 'examples', title: 'Examples' },
  { id: 'review', title: 'Review' },
]);

/** A new, empty draft as the wizard edits it. */
export function emptyDraft() {
  return {
    name: '', language: 'en_US', category: 'MARKETING', parameterFormat: 'POSITIONAL',
    header: { format: 'NONE', text: '' }, body: '', footer: '', buttons: [], examples: {},
  };
}

/**
 * The step a violation's field belongs to: `name`, `language`, `category` → basics; `header.*` →
 * header; `body`, `footer` → body; `buttons*` → buttons; `examples.*` → examples.
 */
export function stepOfField(field) {
  const f = String(field ?? '');
  if (f.startsWith('examples')) return 'examples';
  if (f.startsWith('header')) return 'header';
  if (f === 'body' || f === 'footer') return 'body';
  if (f.startsWith('buttons')) return 'buttons';
  return 'basics';
}

/** The id of the input that shows a field's error: `buttons[1].url` → `f-buttons-1-url`. */
export function inputIdOf(field) {
  return `f-${String(field ?? '').replace(/\[(\d+)\]/g, '-$1').replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/**
 * Errors by field from a refusal: `violations` when the API listed them (template_invalid), else the
 * one `field` of the error. Several rules on one field are joined.
 */
export function errorsByField(error) {
  const out = {};
  const list = Array.isArray(error?.violations) && error.violations.length
    ? error.violations
    : error?.field ? [{ field: error.field, message: error.message }] : [];
  for (const v of list) {
    const field = v.field ?? 'name';
    out[field] = out[field] ? `${out[field]} ${v.message}` : v.message;
  }
  return out;
}

/**
 * Whether a step draws an input (or, for `buttons`, a message) for this API field. The server also names
 * fields no input edits, such as `template` (Meta or the provider refused the whole template at submit)
 * or `status` (already submitted): those must be shown apart, never dropped.
 */
export function fieldHasInput(field) {
  return /^(name|category|language|parameterFormat|header\.(format|text)|body|footer|buttons|buttons\[\d+\]\.(type|text|url|phoneNumber)|examples\..+)$/
    .test(String(field ?? ''));
}

/** `{placed, unplaced}`: the errors an input shows, and the rest, which the wizard shows above its steps. */
export function splitErrors(errors) {
  const placed = {};
  const unplaced = {};
  for (const [field, message] of Object.entries(errors ?? {})) (fieldHasInput(field) ? placed : unplaced)[field] = message;
  return { placed, unplaced };
}

/** The first step, in wizard order, that has an error on one of its inputs; null when none does. */
export function firstStepWithError(errors) {
  const steps = new Set(Object.keys(errors ?? {}).filter(fieldHasInput).map(stepOfField));
  return STEPS.find((s) => steps.has(s.id))?.id ?? null;
}

/** The request body of `POST /templates` from a draft: empty parts left out, examples only for parameters it has. */
export function templateRequest(draft) {
  const header = draft.header?.format && draft.header.format !== 'NONE'
    ? { format: draft.header.format, ...(draft.header.format === 'TEXT' ? { text: draft.header.text } : {}) }
    : null;
  const body = {
    name: draft.name.trim(),
    language: draft.language.trim(),
    category: draft.category,
    parameterFormat: draft.parameterFormat,
    body: draft.body,
  };
  if (header) body.header = header;
  if (draft.footer?.trim()) body.footer = draft.footer;
  if (draft.buttons?.length) {
    body.buttons = draft.buttons.map((b) => {
      const button = { type: b.type };
      if (b.type !== 'COPY_CODE') button.text = b.text;
      if (b.type === 'URL') button.url = b.url;
      if (b.type === 'PHONE_NUMBER') button.phoneNumber = b.phoneNumber;
      return button;
    });
  }
  const keys = exampleKeys({ ...draft, header });
  const examples = Object.fromEntries(keys.map((k) => [k, draft.examples?.[k] ?? '']).filter(([, v]) => v !== ''));
  if (Object.keys(examples).length) body.examples = examples;
  return body;
}

/** The sample values a draft needs: one per parameter, plus `header` for a media header's sample link. */
export function exampleKeys(draft) {
  const keys = parameterKeys(draft);
  if (['IMAGE', 'VIDEO', 'DOCUMENT'].includes(draft.header?.format)) keys.unshift('header');
  return keys;
}
