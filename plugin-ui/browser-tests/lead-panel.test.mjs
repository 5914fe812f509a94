// The lead panel, mounted by the demo CRM exactly as a host mounts it, against the real plugin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, screenshot, withPage } from './browser.mjs';

test('a rep sends a text from the lead panel and watches it reach "read"', async () => {
  await withPage(async (page) => {
    await page.goto(new URL('demo/', baseUrl).href);
    await page.getByRole('button', { name: 'Ayu Brown' }).click();

    const panel = page.locator('wa-lead-panel');
    const text = `Browser test ${Date.now()}`;
    await panel.getByRole('textbox').fill(text);
    await panel.getByRole('button', { name: /send/i }).click();

    const sent = panel.locator('li.msg.outbound', { hasText: text });
    await sent.waitFor({ timeout: 15_000 });
    await sent.getByRole('img', { name: /^Read/ }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'lead-panel-read');
  });
});

test('an API refusal is shown in the panel, naming the field', async () => {
  await withPage(async (page) => {
    await page.goto(new URL('demo/', baseUrl).href);
    // Lead 17's phone is not a valid number: the plugin answers 422 naming "phone".
    await page.locator('#q').fill('12345');
    await page.waitForFunction(() => document.querySelectorAll('#lead-rows button').length === 1);
    await page.locator('#lead-rows button').click();
    const panel = page.locator('wa-lead-panel');
    await panel.getByRole('textbox').fill('This cannot be sent');
    await panel.getByRole('button', { name: /send/i }).click();

    const alert = panel.getByRole('alert');
    await alert.waitFor({ timeout: 15_000 });
    assert.match(await alert.innerText(), /phone/i);
    await screenshot(page, 'lead-panel-error');
  });
});
