// A campaign's detail when sends fail, against a plugin whose sandbox fails a quarter of its sends with 131026
// (undeliverable, never retried) and a quarter with 131053 (final, retried only on request); BrowserFailuresIT
// sets wa.sandbox.outcomes=131026:25,131053:25 for this run only, so the other browser tests see every message
// through. The timeline, the errors by code, the failed recipients, the export, the retry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { baseUrl, screenshot, withPage } from '../browser.mjs';
import { approvedTemplate, call, demoToken, launchCampaign, settled, statsWhen } from '../api.mjs';

const EVERY_SOURCE = ['cold-call', 'facebook', 'instagram', 'referral', 'trade-show', 'website'];

test('a campaign with failures shows its timeline, errors and failed recipients; they are exported and retried', async () => {
  const token = await demoToken();
  const template = await approvedTemplate(token, 'ui_failures_hello');
  const name = `Failures ${Date.now()}`;
  const launched = await launchCampaign(token, { name, template, audience: { sources: EVERY_SOURCE } });
  const stats = await statsWhen(token, launched.id, settled);
  const failed = stats.counts.failed;
  const byCode = Object.fromEntries(stats.errors.map((e) => [e.code, e.count]));
  // A quarter each of some thirty sends: none of either code would be a one-in-five-thousand run.
  assert.ok(byCode[131026] > 0 && byCode[131053] > 0 && stats.counts.read > 0, `both codes failed, some were read: ${JSON.stringify(stats.errors)}`);

  await withPage(async (page) => {
    await page.goto(new URL(`demo/campaigns.html?campaign=${launched.id}`, baseUrl).href);
    const detail = page.locator('wa-campaign-detail');
    await detail.locator('#campaign-status', { hasText: 'Completed' }).waitFor({ timeout: 15_000 });

    // Sends over time, as a chart whose spoken summary holds the failures.
    await detail.getByRole('img', { name: new RegExp(`^Sends per hour: .*Failed ${failed} in total`) }).waitFor();
    await detail.getByRole('img', { name: new RegExp(`^Recipients by status: .*Failed ${failed} `) }).waitFor();

    // The error breakdown: each code with its meaning and its count.
    const errors = detail.getByRole('table', { name: 'Errors' });
    for (const code of [131026, 131053]) {
      const row = errors.getByRole('row', { name: new RegExp(code) });
      assert.equal(Number(await row.getByRole('cell').last().innerText()), byCode[code]);
      assert.ok((await row.getByRole('cell').nth(1).innerText()).length > 0, 'the code is explained');
    }

    // The failed recipients: one row each (up to the first page), with their error code.
    const list = detail.getByRole('table', { name: 'Failed recipients' });
    const shown = Math.min(failed, 20);
    await list.getByRole('row').nth(shown).waitFor(); // the header row, then one per failed recipient
    assert.equal(await list.getByRole('row').count() - 1, shown);
    assert.equal(await list.getByRole('row').nth(1).getByText(/131026|131053/).count(), 1);
    await screenshot(page, 'campaign-detail-errors');

    // The export: every recipient, the failed ones with their code.
    const download = page.waitForEvent('download');
    await detail.getByRole('button', { name: 'Export CSV' }).click();
    const csv = await readFile(await (await download).path(), 'utf8');
    const lines = csv.split('\r\n');
    const header = lines.findIndex((l) => l.startsWith('recipient_id,'));
    const rows = lines.slice(header + 1).filter(Boolean).map((l) => l.split(','));
    const status = lines[header].split(',').indexOf('status');
    assert.equal(rows.length, stats.total);
    assert.equal(rows.filter((r) => r[status] === 'FAILED' || r[status] === 'failed').length, failed);

    // The retry, with the errors that are not temporary: a new run of exactly the 131053 failures (the
    // undeliverable are never retried), followed live to its end.
    await detail.getByRole('checkbox', { name: 'Also errors that are not temporary' }).check();
    const changed = page.evaluate(() => new Promise((resolve) => document.getElementById('plugin-slot')
      .addEventListener('wa-campaign-changed', (e) => resolve(e.detail), { once: true })));
    await detail.getByRole('button', { name: 'Retry failed recipients' }).click();
    const { action, campaign } = await changed;
    assert.equal(action, 'retry-failed');
    assert.equal(campaign.run, 2);
    await detail.locator('#campaign-status', { hasText: 'Completed' }).waitFor({ timeout: 90_000 });
    const retried = await call(token, 'GET', `campaigns/${launched.id}/recipients?run=2&size=1`);
    assert.equal(retried.total, byCode[131053], 'the second run holds the retryable failures, and only them');
    await screenshot(page, 'campaign-detail-retried');
  });
});
