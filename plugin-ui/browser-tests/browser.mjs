// Shared set-up of the browser tests: Debian's Chromium (never a downloaded browser), driven by
// playwright-core, against a running plugin whose base URL is given (".../whatsapp/").
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const baseUrl = process.env.WA_BASE_URL;
export const screenshots = process.env.WA_SCREENSHOTS ?? 'target/screenshots';

console.log(`# plugin under test: ${baseUrl}`);
if (!baseUrl) {
  throw new Error('WA_BASE_URL must name the running plugin, e.g. http://localhost:8080/whatsapp/');
}

export async function withPage(work) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await work(page);
    if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
  } finally {
    await browser.close();
  }
}

export async function screenshot(page, name) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`) });
}

/** The plugin's REST API with a demo token for `groups` (demo mode only): test data set up as a host would. */
export async function api(groups = ['marketing']) {
  const base = new URL('api/v1/', baseUrl).href;
  const call = async (method, path, body, token) => {
    const headers = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body) headers['Content-Type'] = 'application/json';
    const response = await fetch(base + path, { method, headers, body: body && JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  const { token } = await call('POST', 'demo/tokens', { tenant: 'acme', user: 'browser.test', groups });
  return (method, path, body) => call(method, path, body, token);
}

/**
 * An APPROVED template with one body variable, made through the API: created, submitted, and approved
 * by the sandbox catalog a few seconds later (its webhook, as Meta's would).
 */
export async function approvedTemplate(name) {
  const call = await api();
  const created = await call('POST', 'templates', {
    name, language: 'en_US', category: 'UTILITY',
    body: 'Hello {{1}}, your order {{2}} is ready for pickup.', footer: 'Demo CRM',
    buttons: [{ type: 'QUICK_REPLY', text: 'Thanks' }],
    examples: { 'body.1': 'Ayu', 'body.2': 'A-1001' },
  });
  await call('POST', `templates/${created.id}/submit`);
  for (let i = 0; i < 60; i++) {
    const template = await call('GET', `templates/${created.id}`);
    if (template.status === 'APPROVED') return template;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`template ${name} was not approved in 30 seconds`);
}

/** A name no other run has used: template names are unique per tenant and language. */
export function unique(prefix) {
  return `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}
