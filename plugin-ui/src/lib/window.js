/**
 * What the composer may offer, from the lead's WhatsApp summary (`GET /leads/{id}/whatsapp-summary`).
 * WhatsApp delivers free-form text only within 24 hours of the lead's last message; outside that window
 * only an approved template goes through. Pure: the time comes in as an argument.
 */

/**
 * `{freeText, optedOut, notice}`: whether free text may be typed, whether the lead opted out, and the
 * sentence that explains a restriction (null when there is none). Without a summary nothing is
 * restricted: the server still refuses what it must.
 */
export function composerState(summary, now = new Date()) {
  if (!summary) return { freeText: true, optedOut: false, notice: null };
  const optedOut = summary.consent === 'opted_out';
  const until = summary.windowOpenUntil ? new Date(summary.windowOpenUntil) : null;
  const open = Boolean(summary.windowOpen) && (!until || until > now);
  if (optedOut) {
    return { freeText: false, optedOut, notice: 'This lead opted out of WhatsApp messages. Nothing can be sent until they opt in again (by replying START).' };
  }
  if (open) return { freeText: true, optedOut, notice: null };
  const closed = until
    ? `The 24-hour window closed ${until.toISOString().replace('T', ' ').slice(0, 16)} UTC (24 hours after the lead's last message).`
    : 'The lead has not written to you yet, so the 24-hour window is not open.';
  if (summary.windowEnforced === false) {
    return { freeText: true, optedOut, notice: `${closed} WhatsApp would only deliver a template; this server does not enforce the window (demo mode), so free text is still allowed here.` };
  }
  return { freeText: false, optedOut, notice: `${closed} Outside the window WhatsApp only delivers approved templates: choose a template to write to this lead.` };
}
