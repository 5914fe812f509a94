// The customer card on the demo CRM's customer screen: the original lead, linked back to the lead screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, baseUrl, screenshot, withPage } from './browser.mjs';

test('a converted customer shows the lead it came from, linked to the lead screen', async () => {
  // The host reports the conversion (as its service account would); a repeat answers with the record on file.
  const call = await api(['admin']);
  const conversion = await call('POST', 'conversions', { leadId: '3', customerId: '1' });
  assert.equal(conversion.leadId, '3');
  await withPage(async (page) => {
    await page.goto(new URL('demo/customers.html', baseUrl).href);
    await page.getByRole('button', { name: 'Citra Smith' }).click();
    const card = page.locator('wa-customer-card');
    const link = card.getByRole('link');
    await link.waitFor({ timeout: 15_000 });
    assert.match(await link.getAttribute('href'), /index\.html\?lead=3$/);
    await card.getByText('Campaign', { exact: true }).waitFor();
    await screenshot(page, 'customer-card');
    const leadName = await link.innerText();
    await link.click();
    await page.locator('wa-lead-panel').waitFor();
    assert.equal(await page.locator('#detail-title').innerText(), leadName);
  });
});
