// The customer card on the demo CRM's customer screen: the original lead, linked back to the lead screen,
// and the campaign credited with the conversion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, screenshot, unique, withPage } from './browser.mjs';
import { api, pickupTemplate } from './api.mjs';

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
    const leadName = await link.innerText();
    await link.click();
    await page.locator('wa-lead-panel').waitFor();
    assert.equal(await page.locator('#detail-title').innerText(), leadName);
  });
});

test('a customer converted after a campaign reached the lead names that campaign', async () => {
  const template = await pickupTemplate(unique('convert'));
  const call = await api(['admin']);
  const campaign = await call('POST', 'leads/bulk-messages', { leadIds: ['2'], templateId: template.id,
    bindings: { 'body.1': { source: 'lead', field: 'first_name' }, 'body.2': { source: 'constant', value: 'C-2' } } });
  for (let i = 0; i < 120; i++) { // attribution counts delivered messages only
    const now = await call('GET', `campaigns/${campaign.id}`);
    if ((now.counters?.DELIVERED ?? 0) + (now.counters?.READ ?? 0) > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const customerId = unique('C');
  const conversion = await call('POST', 'conversions', { leadId: '2', customerId });
  assert.equal(conversion.attributedCampaignId, campaign.id);

  await withPage(async (page) => {
    await page.goto(new URL(`demo/customers.html?customer=${customerId}`, baseUrl).href);
    const card = page.locator('wa-customer-card');
    await card.getByText(campaign.name).waitFor({ timeout: 15_000 });
    await screenshot(page, 'customer-card');
  });
});
