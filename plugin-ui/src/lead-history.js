import { html, nothing } from 'lit';
import { renderMessage } from './message-item.js';
import { formatTime } from './lib/timeline.js';

/** The lead panel's header line (name, phone, the lead's local time) and its history list, as templates. */

export function renderLeadHeader(lead, loading) {
  if (!lead) return loading ? html`<span class="hint">Loading…</span>` : nothing;
  const local = lead.timeZone ? formatTime(new Date().toISOString(), { timeZone: lead.timeZone }) : '';
  return html`<p class="who">
      <span class="name">${lead.name}</span>
      ${lead.phone ? html`<span class="phone"><span class="visually-hidden">Phone: </span>${lead.phone}</span>` : nothing}
    </p>
    ${local ? html`<span class="local">Lead's local time: ${local} (${lead.timeZone})</span>` : nothing}`;
}

/** Newest first; "Show older messages" while the API has another page (`onOlder` asks for it). */
export function renderHistory(items, { loading, nextCursor, onOlder }) {
  if (!items.length) {
    return loading ? nothing : html`<p class="empty">No WhatsApp messages with this lead yet.</p>`;
  }
  return html`<ol class="timeline" aria-labelledby="wa-history" tabindex="0">
      ${items.map((message) => renderMessage(message))}
    </ol>
    ${nextCursor ? html`<button class="older" type="button" @click=${onOlder}>Show older messages</button>` : nothing}`;
}
