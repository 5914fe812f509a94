// The campaigns page (nav.campaigns), mounted by the demo CRM exactly as a host mounts it, against the
// real plugin: a campaign is built and launched through the four-step builder and its progress followed.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, screenshot, withPage } from './browser.mjs';
import { approvedTemplate, demoToken } from './api.mjs';

let template;

before(async () => {
  template = await approvedTemplate(await demoToken(), 'ui_campaign_hello');
});

/** Drives the builder from the campaign list to the launch; returns the campaign's name. */
async function buildAndLaunch(page, { name, audience, throttle, at = null, shots = false }) {
  await page.goto(new URL('demo/campaigns.html', baseUrl).href);
  const campaigns = page.locator('wa-campaigns');
  await campaigns.getByRole('button', { name: 'New campaign' }).click();
  const builder = campaigns.locator('wa-campaign-builder');

  // 1. Audience: a name, criteria, and the live count the server answers for them.
  await builder.getByRole('button', { name: 'Next' }).click();
  await builder.getByText('Give the campaign a name.').waitFor();
  await builder.getByLabel('Campaign name').fill(name);
  for (const [label, value] of Object.entries(audience)) await builder.getByLabel(label).fill(value);
  const count = builder.locator('.preview .count');
  await count.waitFor();
  await page.waitForFunction((el) => el.shadowRoot.querySelector('.preview')?.getAttribute('aria-busy') === 'false',
    await builder.elementHandle());
  const reached = Number((await count.innerText()).replace(/,/g, ''));
  assert.ok(reached > 0, 'the criteria reach someone');
  if (shots) await screenshot(page, 'campaign-builder-audience');
  await builder.getByRole('button', { name: 'Next' }).click();

  // 2. Message: the approved template, its one variable from the lead's first name.
  await builder.getByRole('combobox', { name: /^Template/ }).selectOption(template.id);
  await builder.getByRole('button', { name: 'Next' }).click();
  await builder.getByText('Say where this value comes from.').waitFor();
  await builder.getByLabel('Field').fill('first_name');
  await builder.getByLabel('If empty').fill('there');
  if (shots) await screenshot(page, 'campaign-builder-message');
  await builder.getByRole('button', { name: 'Next' }).click();

  // 3. Schedule: now, at the given pace.
  if (at) {
    await builder.getByRole('radio', { name: 'Once, at a date and time' }).check();
    await builder.getByLabel('Start at (your local time)').fill(at);
  }
  await builder.getByLabel('Messages per minute at most').fill(String(throttle));
  if (shots) await screenshot(page, 'campaign-builder-schedule');
  await builder.getByRole('button', { name: 'Next' }).click();

  // 4. Review and launch.
  // the review repeats the audience; its wording counts leads by the criteria (opted-out ones included)
  await builder.getByText(/\d[\d,]* leads where/).first().waitFor();
  if (shots) await screenshot(page, 'campaign-builder-review');
  const launched = page.evaluate(() => new Promise((resolve) => document.getElementById('plugin-slot')
    .addEventListener('wa-campaign-launched', (e) => resolve(e.detail), { once: true })));
  await builder.getByRole('button', { name: at ? 'Schedule campaign' : 'Launch campaign' }).click();
  const campaign = await launched;
  assert.equal(campaign.name, name);
  return { campaigns, reached };
}

test('a marketer builds a campaign in four steps, launches it and watches the progress bar finish', async () => {
  await withPage(async (page) => {
    const name = `Browser spring ${Date.now()}`;
    const { campaigns, reached } = await buildAndLaunch(page, { name, audience: { Sources: 'website' }, throttle: 600, shots: true });

    const detail = campaigns.locator('wa-campaign-detail');
    await detail.getByRole('heading', { name }).waitFor();
    const bar = detail.getByRole('progressbar', { name: 'Campaign progress' });
    await page.waitForFunction((el) => el.shadowRoot.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow') === '100',
      await detail.elementHandle(), { timeout: 90_000, polling: 250 });
    assert.equal(await bar.getAttribute('aria-valuetext'), `${reached} of ${reached} recipients done`);
    await detail.locator('#campaign-status', { hasText: 'Completed' }).waitFor({ timeout: 30_000 });
    await detail.getByRole('img', { name: /Recipients by status/ }).waitFor();
    await screenshot(page, 'campaign-detail-completed');

    await campaigns.getByRole('button', { name: '‹ All campaigns' }).click();
    const list = campaigns.locator('wa-campaign-list');
    const row = list.getByRole('row', { name: new RegExp(name) });
    await row.getByText('Completed').waitFor();
    await screenshot(page, 'campaign-list');

    // The filters narrow the list on the server: by name, then by a status this campaign does not have.
    await list.getByRole('searchbox', { name: 'Search' }).fill(name);
    await list.getByText('1–1 of 1').waitFor();
    await list.getByRole('combobox', { name: 'Status' }).selectOption('cancelled');
    await list.getByText('No campaigns match.').waitFor();
    await list.getByRole('combobox', { name: 'Status' }).selectOption('completed');
    await row.waitFor();
  });
});

test('a running campaign is paused, resumed and cancelled from its detail view', async () => {
  await withPage(async (page) => {
    const name = `Browser slow ${Date.now()}`;
    // One message a minute: the campaign is still running when the buttons are pressed.
    const { campaigns } = await buildAndLaunch(page, { name, audience: { Statuses: 'new' }, throttle: 1 });
    const detail = campaigns.locator('wa-campaign-detail');
    const status = detail.locator('#campaign-status');
    await status.getByText('Running').waitFor();

    await detail.getByRole('button', { name: 'Pause' }).click();
    await status.getByText('Paused').waitFor();
    await detail.getByRole('button', { name: 'Resume' }).waitFor();
    await screenshot(page, 'campaign-detail-paused');
    await detail.getByRole('button', { name: 'Resume' }).click();
    await status.getByText('Running').waitFor();

    await detail.getByRole('button', { name: 'Cancel campaign' }).click();
    await detail.getByRole('alertdialog').getByRole('button', { name: 'Yes, cancel it' }).click();
    await status.getByText('Cancelled').waitFor();
    assert.equal(await detail.getByRole('button', { name: 'Pause' }).count(), 0, 'a cancelled campaign offers no pause');
  });
});

test('a CSV list is uploaded from the builder, its bad line reported by number, and the good rows launched', async () => {
  await withPage(async (page) => {
    await page.goto(new URL('demo/campaigns.html', baseUrl).href);
    const campaigns = page.locator('wa-campaigns');
    await campaigns.getByRole('button', { name: 'New campaign' }).click();
    const builder = campaigns.locator('wa-campaign-builder');
    await builder.getByLabel('Campaign name').fill(`Browser list ${Date.now()}`);
    await builder.getByRole('radio', { name: 'A list uploaded as CSV' }).check();
    await builder.getByLabel('CSV file').setInputFiles({ name: 'spring.csv', mimeType: 'text/csv',
      buffer: Buffer.from('name;phone;code\nAyu;081363053471;A1\nNobody;12ab;B2\nBudi;6285719509313;D4\n') });
    await builder.getByText('spring.csv: 3 rows').waitFor();
    await builder.getByRole('button', { name: 'Next' }).click();

    await builder.getByRole('combobox', { name: /^Template/ }).selectOption(template.id);
    await builder.getByRole('combobox', { name: 'Value from' }).selectOption('recipient');
    await builder.getByLabel('Column').fill('name');
    await builder.getByRole('button', { name: 'Next' }).click();
    await builder.getByRole('button', { name: 'Next' }).click();

    await builder.getByRole('button', { name: 'Upload list and check' }).click();
    const report = builder.locator('.upload');
    await report.getByText('3 rows read: 2 added, 0 merged as duplicates, 1 invalid.').waitFor({ timeout: 15_000 });
    const badLine = report.getByRole('row', { name: /^3 / });
    assert.match(await badLine.innerText(), /not a valid phone number/);
    await screenshot(page, 'campaign-builder-csv-errors');

    await builder.getByRole('button', { name: 'Launch campaign' }).click();
    const detail = campaigns.locator('wa-campaign-detail');
    await page.waitForFunction((el) => el.shadowRoot?.querySelector('[role=progressbar]')?.getAttribute('aria-valuetext') === '2 of 2 recipients done',
      await detail.elementHandle(), { timeout: 90_000, polling: 250 });
  });
});

test('a campaign scheduled for tomorrow waits as scheduled and can go back to draft', async () => {
  await withPage(async (page) => {
    const name = `Browser tomorrow ${Date.now()}`;
    // A datetime-local value, read in the browser's own zone, a day ahead of the browser's clock.
    const at = await page.evaluate(() => {
      const d = new Date(Date.now() + 24 * 3600 * 1000);
      const pad = (n) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    });
    const { campaigns } = await buildAndLaunch(page, { name, audience: { Statuses: 'new' }, throttle: 60, at });
    const detail = campaigns.locator('wa-campaign-detail');
    const status = detail.locator('#campaign-status');
    await status.getByText('Scheduled').waitFor();
    await detail.getByRole('button', { name: 'Back to draft' }).click();
    await status.getByText('Draft').waitFor();
    await detail.getByRole('button', { name: 'Launch' }).waitFor();
  });
});

test('an A/B split must name a template per variant and add up to 100% before the schedule step', async () => {
  await withPage(async (page) => {
    await page.goto(new URL('demo/campaigns.html', baseUrl).href);
    const campaigns = page.locator('wa-campaigns');
    await campaigns.getByRole('button', { name: 'New campaign' }).click();
    const builder = campaigns.locator('wa-campaign-builder');
    await builder.getByLabel('Campaign name').fill(`Browser A/B ${Date.now()}`);
    await builder.getByLabel('Sources').fill('website');
    await builder.getByRole('button', { name: 'Next' }).click();

    await builder.getByRole('radio', { name: 'A/B test of templates' }).check();
    await builder.getByRole('button', { name: 'Add a variant' }).click();
    const variants = builder.locator('fieldset.variant');
    assert.equal(await variants.count(), 3);
    await builder.getByText('Shares: 100%').waitFor();
    await variants.nth(2).getByLabel('Share (%)').fill('40');
    await builder.getByRole('button', { name: 'Next' }).click();
    await builder.getByText('The shares add up to 107%, not 100%.').waitFor();
    assert.equal(await builder.getByText('Choose a template.').count(), 3);

    await builder.getByRole('button', { name: 'Remove variant C' }).click();
    for (const i of [0, 1]) {
      const variant = variants.nth(i);
      await variant.getByRole('combobox', { name: /^Template/ }).selectOption(template.id);
      await variant.getByLabel('Field').fill('first_name');
    }
    await variants.nth(0).getByLabel('Share (%)').fill('70');
    await variants.nth(1).getByLabel('Share (%)').fill('30');
    await builder.getByRole('button', { name: 'Next' }).click();
    await builder.getByRole('heading', { name: 'Schedule' }).waitFor();
    await builder.getByRole('button', { name: 'Next' }).click();
    await builder.getByText(`Variant A: ${template.name} (70%)`).waitFor();
    await builder.getByText(`Variant B: ${template.name} (30%)`).waitFor();
    await screenshot(page, 'campaign-builder-ab');

    // The server splits the audience between the variants: the campaign is launched and runs to its end.
    const launched = page.evaluate(() => new Promise((resolve) => document.getElementById('plugin-slot')
      .addEventListener('wa-campaign-launched', (e) => resolve(e.detail), { once: true })));
    await builder.getByRole('button', { name: 'Launch campaign' }).click();
    const campaign = await launched;
    assert.deepEqual(campaign.variants.map((v) => [v.key, v.percent]), [['A', 70], ['B', 30]]);
    const detail = campaigns.locator('wa-campaign-detail');
    await detail.locator('#campaign-status', { hasText: 'Completed' }).waitFor({ timeout: 90_000 });
  });
});
