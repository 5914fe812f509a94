// The bulk-send dialog, opened by the demo CRM's lead list action for the selected leads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, screenshot, unique, withPage } from './browser.mjs';
import { pickupTemplate } from './api.mjs';

test('a rep bulk-sends a template to selected leads, sees who is left out, and follows the progress', async () => {
  const template = await pickupTemplate(unique('bulk'));
  await withPage(async (page) => {
    await page.goto(new URL('demo/', baseUrl).href);
    await page.getByRole('checkbox', { name: 'Select Ayu Brown' }).check(); // waits for the first page
    await page.locator('#q').fill('12345'); // lead 17, whose phone is not a valid number
    await page.waitForFunction(() => document.querySelectorAll('#lead-rows button').length === 1);
    await page.locator('#lead-rows input[type=checkbox]').check();
    await page.getByRole('button', { name: 'Send WhatsApp to 2 selected…' }).click();

    const dialog = page.locator('wa-bulk-send').getByRole('dialog');
    await dialog.getByText('1 of 2 selected leads will not get it: 1 phone is not a valid number.').waitFor({ timeout: 15_000 });
    await dialog.getByRole('combobox', { name: 'Approved template' }).selectOption(template.id);
    await dialog.getByRole('figure').getByText('Hello ‹first name›, your order A-1001 is ready for pickup.').waitFor();
    await screenshot(page, 'bulk-send-dialog');

    await dialog.getByRole('button', { name: 'Send to 1' }).click();
    await dialog.getByText(/Finished: completed\. 1 of 1 done\./).waitFor({ timeout: 60_000 });
    assert.equal(await dialog.locator('progress').getAttribute('value'), '1');
    await screenshot(page, 'bulk-send-progress');
  });
});
