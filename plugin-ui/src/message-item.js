import { html, nothing } from 'lit';
import { statusTick } from './lib/status.js';
import { formatTime, statusTimes } from './lib/timeline.js';

/** Message types that are a file: the bubble says which, its text being the caption or the file's name. */
const MEDIA_KINDS = ['image', 'video', 'audio', 'document', 'sticker'];

/**
 * One history entry: a bubble with the text, the time, and for outbound messages the status tick.
 * A template, not an element: the panel renders a few hundred of these and they need no state.
 */
export function renderMessage(message) {
  const outbound = message.direction !== 'inbound';
  return html`<li class="msg ${outbound ? 'outbound' : 'inbound'}">
    <div class="bubble">
      <span class="visually-hidden">${outbound ? 'You sent' : 'The lead wrote'}:</span>
      ${renderOrigin(message)}
      ${MEDIA_KINDS.includes(message.type) ? html`<p class="kind">\u{1F4CE} ${message.type}</p>` : nothing}
      <p class="text">${message.text ?? ''}</p>
      <div class="meta">
        <time datetime=${message.createdAt ?? nothing}>${formatTime(message.createdAt)}</time>
        ${outbound ? renderTick(message) : nothing}
      </div>
      ${message.status === 'failed' ? renderFailure(message) : nothing}
    </div>
  </li>`;
}

function renderTick(message) {
  const tick = statusTick(message.status);
  const times = statusTimes(message).map(([label, iso]) => `${label} ${formatTime(iso)}`).join(' · ');
  const label = times ? `${tick.label}. ${times}` : tick.label;
  return html`<span class="tick ${tick.tone}" role="img" aria-label=${label} title=${label}>${tick.symbol}</span>`;
}

function renderFailure(message) {
  if (!message.errorMessage && !message.errorCode) return nothing;
  const code = message.errorCode ? ` (code ${message.errorCode})` : '';
  return html`<p class="why">${message.errorMessage ?? 'Not delivered'}${code}</p>`;
}

/** Which template and which campaign a message came from, when it did. */
function renderOrigin(message) {
  if (!message.templateName && !message.campaignId) return nothing;
  return html`<p class="origin">
    ${message.templateName ? html`<span class="tag">Template: ${message.templateName}</span>` : nothing}
    ${message.campaignId ? html`<span class="tag">Campaign: ${message.campaignName ?? message.campaignId}</span>` : nothing}
  </p>`;
}
