// Set-up through the plugin's REST API for the browser tests (a demo token, an approved template):
// what the page under test needs to exist, not what it is tested for.
import { baseUrl } from './browser.mjs';

const api = (path) => new URL(`api/v1/${path}`, baseUrl).href;

export async function demoToken(tenant = 'acme', group = 'marketing') {
  const response = await fetch(api('demo/tokens'), {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ tenant, user: 'browser.test', groups: [group] }),
  });
  if (!response.ok) throw new Error(`demo token: HTTP ${response.status}`);
  return (await response.json()).token;
}

export async function call(token, method, path, body) {
  const response = await fetch(api(path), {
    method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A template of this name, created and submitted if missing, once the sandbox has approved it. */
export async function approvedTemplate(token, name, body = 'Hi {{1}}, spring offers are here.') {
  const found = (await call(token, 'GET', `templates?q=${encodeURIComponent(name)}`)).items.find((t) => t.name === name);
  let template = found;
  if (!template) {
    template = await call(token, 'POST', 'templates', { name, language: 'en_US', category: 'MARKETING', body, examples: { 'body.1': 'Ayu' } });
    template = await call(token, 'POST', `templates/${template.id}/submit`);
  }
  for (let i = 0; i < 240 && template.status !== 'APPROVED'; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    template = await call(token, 'GET', `templates/${template.id}`);
  }
  if (template.status !== 'APPROVED') throw new Error(`template ${name} is ${template.status}, not approved`);
  return template;
}
