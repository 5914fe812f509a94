// The analytics page (nav.analytics) and the sender numbers admin page (admin.settings), mounted by the
// demo CRM exactly as a host mounts them, against the real plugin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, screenshot, withPage } from './browser.mjs';
import { approvedTemplate, call, demoToken, launchCampaign, settled, statsWhen } from './api.mjs';

test('the analytics dashboard shows the figures of a campaign this test sent, and its conversion', async () => {
  const token = await demoToken();
  const template = await approvedTemplate(token, 'ui_campaign_hello');
  const name = `Analytics ${Date.now()}`;
  const launched = await launchCampaign(token, { name, template, audience: { sources: ['website'], priorities: ['low'] } });
  const stats = await statsWhen(token, launched.id, settled);
  const reached = stats.counts.read;
  assert.ok(reached > 0, 'the campaign reached someone');
  assert.equal(stats.counts.failed ?? 0, 0, 'this server fails nothing');
  // One of its leads becomes a customer: the conversion is credited to this campaign, the latest to reach it.
  const [recipient] = (await call(token, 'GET', `campaigns/${launched.id}/recipients?status=read&size=1`)).items;
  const admin = await demoToken('acme', 'admin');
  await call(admin, 'POST', 'conversions', { leadId: recipient.leadId, customerId: `C-${Date.now()}` });

  await withPage(async (page) => {
    // Mounted with a token-provider callback, as a host with short-lived tokens mounts it.
    await page.goto(new URL('demo/analytics.html?auth=provider', baseUrl).href);
    const dashboard = page.locator('wa-analytics-dashboard');
    const totals = dashboard.getByRole('list', { name: 'Totals' });
    await totals.waitFor({ timeout: 15_000 });
    assert.equal(await totals.getByRole('listitem').count(), 8);
    const sentCard = totals.getByRole('listitem').filter({ has: page.locator('.label', { hasText: /^Sent$/ }) });
    assert.ok(Number((await sentCard.locator('.value').innerText()).replace(/,/g, '')) >= reached, 'the total holds this campaign');

    // This campaign's row: the figures the server has for it, which this test made.
    const row = dashboard.getByRole('table', { name: 'Campaigns' }).getByRole('row', { name: new RegExp(name) });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    assert.deepEqual(cells.slice(2, 6).map((c) => Number(c.replace(/,/g, ''))), [reached, reached, reached, 0]);
    assert.equal(cells[6], '100.0%');
    assert.equal(cells[7], '1');
    await dashboard.getByRole('img', { name: new RegExp(`^Sent per campaign: .*${name} ${reached}`) }).waitFor();
    await dashboard.getByRole('img', { name: new RegExp(`^Conversions per campaign: .*${name} 1`) }).waitFor();
    await dashboard.getByRole('img', { name: /^Messages per day: Sent \d+ in total/ }).waitFor();
    await dashboard.getByRole('heading', { name: 'Top templates' }).waitFor();
    await dashboard.getByRole('list', { name: 'By use' }).getByText('ui_campaign_hello').waitFor();
    assert.equal(await dashboard.getByRole('alert').count(), 0, 'no error shown');
    assert.ok(await page.evaluate(() => window.waTokenProviderCalls) > 0, 'the element asked the host for its token');
    await screenshot(page, 'analytics-dashboard');

    // The date range is an ordinary, labelled form field: changing it asks for that range.
    const asked = page.waitForRequest((request) => request.url().includes('from=2026-01-01'));
    await dashboard.getByLabel('From').fill('2026-01-01');
    await dashboard.getByLabel('From').press('Tab');
    await asked;
  });
});

test('an admin sees the sender numbers with their health and tests a connection from the keyboard', async () => {
  await withPage(async (page) => {
    await page.goto(new URL('demo/admin.html', baseUrl).href);
    const numbers = page.locator('wa-sender-numbers');
    const row = numbers.getByRole('row', { name: /Demo sandbox number/ });
    await row.waitFor({ timeout: 15_000 });
    await row.getByText('Primary').waitFor();
    await row.getByRole('meter', { name: 'Health of Demo sandbox number' }).waitFor();
    assert.equal(await row.getByRole('button', { name: /Link a phone/ }).count(), 0, 'a sandbox number has no device to link');

    await row.getByRole('button', { name: 'Test connection of Demo sandbox number' }).focus();
    await page.keyboard.press('Enter');
    await row.getByRole('status').getByText('Connected').waitFor({ timeout: 15_000 });
    await row.getByRole('button', { name: 'Test connection of Demo sandbox number' }).and(page.locator(':enabled')).waitFor();
    await screenshot(page, 'sender-numbers');
  });
});

test('an admin links a phone to a gateway number by its QR code, and disables the number after a confirmation', async () => {
  // A WhatsApp Web (WAHA) number of globex, whose gateway (BrowserIT's stub) waits for a phone to scan its QR.
  const admin = await demoToken('globex', 'admin');
  const credentials = JSON.stringify({ baseUrl: process.env.WA_WAHA_URL, apiKey: process.env.WA_WAHA_KEY, session: 'default' });
  const number = await call(admin, 'POST', 'accounts', { name: `Web ${Date.now() % 100000}`, phoneNumber: `+62811${String(Date.now()).slice(-7)}`,
    provider: 'gateway', senderId: `browser-waha-${Date.now()}`, credentials, primary: false });
  await withPage(async (page) => {
    await page.goto(new URL('demo/admin.html', baseUrl).href);
    await page.locator('#identity select[name=tenant]').selectOption('globex');
    await page.locator('#identity select[name=group]').selectOption('admin');
    await page.locator('#identity').getByRole('button', { name: 'Switch' }).click();
    const numbers = page.locator('wa-sender-numbers');
    const row = numbers.getByRole('row', { name: new RegExp(number.name) });
    await row.getByRole('button', { name: `Link a phone to ${number.name}` }).click();
    const session = numbers.getByRole('region', { name: `Session of ${number.name}` });
    await session.getByText('State:').waitFor({ timeout: 15_000 });
    const qr = session.getByRole('img', { name: /^QR code: scan it in WhatsApp/ });
    await qr.waitFor();
    assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR image the gateway made is shown');
    await screenshot(page, 'sender-numbers-qr');

    // Disabling asks first; the focus moves into the question and back to the button when it is kept.
    const disable = row.getByRole('button', { name: `Disable ${number.name}` });
    await disable.click();
    const confirm = numbers.getByRole('alertdialog');
    assert.equal(await confirm.getByRole('button', { name: 'Keep it' }).evaluate((el) => el.matches(':focus')), true);
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    assert.equal(await disable.evaluate((el) => el.matches(':focus')), true);
    await disable.click();
    await numbers.getByRole('alertdialog').getByRole('button', { name: 'Yes, disable' }).click();
    await row.getByText(/disabled/i).first().waitFor({ timeout: 15_000 });
  });
});

test('a sales rep without the admin permission sees the refusal in the page, not a blank', async () => {
  await withPage(async (page) => {
    await page.goto(new URL('demo/admin.html', baseUrl).href);
    await page.locator('#identity select[name=group]').selectOption('sales-rep');
    await page.locator('#identity').getByRole('button', { name: 'Switch' }).click();
    const alert = page.locator('wa-sender-numbers').getByRole('alert');
    await alert.waitFor({ timeout: 15_000 });
    assert.match(await alert.innerText(), /permission/i);
  });
});
