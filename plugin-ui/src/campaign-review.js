import { html, nothing } from 'lit';
import { audienceCriteria, splitList } from './lib/campaign-builder.js';

/** The builder's last step: the draft read back in words before it is launched. */
export function campaignReview(draft, preview, templates) {
  const name = (id) => templates.find((t) => t.id === id)?.name ?? id;
  const { message, schedule, window } = draft;
  return html`<dl class="review">
    <dt>Name</dt><dd>${draft.name}</dd>
    ${draft.description ? html`<dt>Description</dt><dd>${draft.description}</dd>` : nothing}
    <dt>Audience</dt><dd>${audienceText(draft, preview)}</dd>
    <dt>Message</dt><dd>${message.mode === 'ab'
      ? message.variants.map((v) => html`<div>Variant ${v.key}: ${name(v.templateId)} (${v.percent}%)</div>`)
      : name(message.templateId)}</dd>
    <dt>When</dt><dd>${scheduleText(schedule)}</dd>
    <dt>Pace</dt><dd>At most ${Number(draft.throttlePerMinute).toLocaleString('en-US')} messages a minute</dd>
    <dt>Send window</dt><dd>${window.start && window.end ? `${window.start} to ${window.end}, in each lead's time zone` : 'Any time of day'}</dd>
  </dl>`;
}

function audienceText(draft, preview) {
  if (draft.audience.mode === 'csv') {
    return `The uploaded list ${draft.csv?.fileName ?? ''} (${draft.csv?.rows ?? 0} rows)`;
  }
  const spec = audienceCriteria(draft.audience);
  const parts = ['statuses', 'sources', 'priorities', 'owners', 'tags'].filter((f) => spec[f]).map((f) => `${f}: ${splitList(draft.audience[f]).join(' or ')}`);
  if (draft.audience.createdFrom) parts.push(`created from ${draft.audience.createdFrom}`);
  if (draft.audience.createdTo) parts.push(`created to ${draft.audience.createdTo}`);
  const count = preview ? `${preview.count.toLocaleString('en-US')} leads` : 'Leads';
  return `${count}${parts.length ? ` where ${parts.join('; ')}` : ' (every lead with a valid phone)'}`;
}

function scheduleText({ kind, at, cron, zone }) {
  if (kind === 'AT') return `Once, at ${new Date(at).toLocaleString()} (${zone})`;
  if (kind === 'CRON') return `Repeatedly, cron "${cron}" in ${zone}`;
  return `Now, at launch (${zone})`;
}
