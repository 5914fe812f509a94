// Set-up through the plugin's REST API for the browser tests (a demo token, an approved template):
// what the page under test needs to exist, not what it is tested for.
import { createHmac } from 'node:crypto';
import { baseUrl } from './browser.mjs';

const apiUrl = (path) => new URL(`api/v1/${path}`, baseUrl).href;

export async function demoToken(tenant = 'acme', group = 'marketing') {
  const response = await fetch(apiUrl('demo/tokens'), {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ tenant, user: 'browser.test', groups: [group].flat() }),
  });
  if (!response.ok) throw new Error(`demo token: HTTP ${response.status}`);
  return (await response.json()).token;
}

export async function call(token, method, path, body) {
  const response = await fetch(apiUrl(path), {
    method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** `(method, path, body) => answer` with a demo token of acme for `groups`, for set-up as a host would do it. */
export async function api(groups = ['marketing']) {
  const token = await demoToken('acme', groups);
  return (method, path, body) => call(token, method, path, body);
}

/**
 * A template of this name, created (by default a marketing one with one body variable) and submitted if
 * missing, once the sandbox catalog has approved it (its webhook, as Meta's would).
 */
export async function approvedTemplate(token, name, definition = { category: 'MARKETING',
  body: 'Hi {{1}}, spring offers are here.', examples: { 'body.1': 'Ayu' } }) {
  const found = (await call(token, 'GET', `templates?q=${encodeURIComponent(name)}`)).items.find((t) => t.name === name);
  let template = found;
  if (!template) {
    template = await call(token, 'POST', 'templates', { name, language: 'en_US', ...definition });
    template = await call(token, 'POST', `templates/${template.id}/submit`);
  }
  for (let i = 0; i < 240 && template.status !== 'APPROVED'; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    template = await call(token, 'GET', `templates/${template.id}`);
  }
  if (template.status !== 'APPROVED') throw new Error(`template ${name} is ${template.status}, not approved`);
  return template;
}

/**
 * A campaign to the leads matching `audience` (criteria), sending `template` with its one variable from the
 * lead's first name, created and launched at once through the API; answers the launched campaign.
 */
export async function launchCampaign(token, { name, audience, template, throttlePerMinute = 600 }) {
  const campaign = await call(token, 'POST', 'campaigns', {
    name, templateId: template.id,
    bindings: { 'body.1': { source: 'lead', field: 'first_name', fallback: 'there' } },
    audience: { source: 'leads', ...audience }, schedule: { kind: 'NOW' }, throttlePerMinute,
  });
  return call(token, 'POST', `campaigns/${campaign.id}/launch`);
}

/** The campaign's statistics once `done(stats)` holds, asked every half second for at most `seconds`. */
export async function statsWhen(token, id, done, seconds = 90) {
  let stats;
  for (let i = 0; i < seconds * 2; i += 1) {
    stats = await call(token, 'GET', `campaigns/${id}/stats`);
    if (done(stats)) return stats;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`campaign ${id} did not get there in ${seconds} s: ${JSON.stringify(stats?.counts)} (${stats?.status})`);
}

/** Every recipient of a completed campaign has its final status: nothing waiting, sending or only sent. */
export function settled(stats) {
  const c = stats.counts ?? {};
  return stats.status === 'COMPLETED' && !['pending', 'queued', 'sending', 'sent', 'delivered'].some((s) => c[s] > 0);
}

/** An approved utility template with two body variables, a footer and a quick reply, as the lead panel tests use. */
export async function pickupTemplate(name) {
  return approvedTemplate(await demoToken(), name, {
    category: 'UTILITY', body: 'Hello {{1}}, your order {{2}} is ready for pickup.', footer: 'Demo CRM',
    buttons: [{ type: 'QUICK_REPLY', text: 'Thanks' }], examples: { 'body.1': 'Ayu', 'body.2': 'A-1001' },
  });
}

/**
 * The lead writes first, as WhatsApp would tell us: a signed inbound webhook (the app secret the build gives
 * the server, WA_WEBHOOK_APP_SECRET), which opens the lead's 24-hour window for free text and files.
 */
export async function leadWrites(waId, text) {
  const secret = process.env.WA_WEBHOOK_APP_SECRET;
  if (!secret) throw new Error('WA_WEBHOOK_APP_SECRET must be the server\'s webhook app secret');
  const now = Math.floor(Date.now() / 1000);
  const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: 'waba-browser', changes: [{ field: 'messages', value: {
    messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: 'sandbox-number-1' },
    contacts: [{ profile: { name: 'Browser test' }, wa_id: waId }],
    messages: [{ from: waId, id: `wamid.browser.${now}.${Math.floor(Math.random() * 1e6)}`, timestamp: String(now), type: 'text', text: { body: text } }],
  } }] }] });
  const response = await fetch(apiUrl('webhooks/whatsapp'), {
    method: 'POST', body,
    headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` },
  });
  if (!response.ok) throw new Error(`inbound webhook: HTTP ${response.status} ${await response.text()}`);
}
