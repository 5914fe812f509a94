// Shared set-up of the browser tests: Debian's Chromium (never a downloaded browser), driven by
// playwright-core, against a running plugin whose base URL is given (".../whatsapp/"). The plugin's API,
// for what a test needs to exist before the page opens, is in api.mjs.
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
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** A name no other run has used: template names are unique per tenant and language. */
export function unique(prefix) {
  return `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}

