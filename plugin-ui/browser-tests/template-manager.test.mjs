// The template manager on the demo CRM's templates page, against the real plugin and its sandbox catalog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, screenshot, unique, withPage } from './browser.mjs';

test('a template with a mistake shows the error on its field; fixed, it is submitted and approved', async () => {
  const name = unique('spring_offer');
  await withPage(async (page) => {
    await page.goto(new URL('demo/templates.html', baseUrl).href);
    const manager = page.locator('wa-template-manager');
    await manager.getByRole('button', { name: 'New template' }).click();

    // Basics
    await manager.getByLabel('Name', { exact: true }).fill(name);
    await manager.getByLabel('Category').selectOption('MARKETING');
    await manager.getByRole('button', { name: 'Next' }).click();
    // Header
    await manager.getByRole('combobox', { name: 'Header', exact: true }).selectOption('TEXT');
    await manager.getByLabel('Header text').fill('Spring sale');
    await manager.getByRole('button', { name: 'Next' }).click();
    // Body and footer: the mistake, a body that starts with a parameter (Meta refuses it: 2388299)
    await manager.getByLabel('Body', { exact: true }).fill('{{1}}, our spring sale starts today with 20% off everything.');
    await manager.getByLabel('Footer (optional)').fill('Reply STOP to opt out');
    await manager.getByRole('button', { name: 'Next' }).click();
    // Buttons
    await manager.getByRole('button', { name: 'Add a button' }).click();
    await manager.getByLabel('Label').fill('Shop now');
    await manager.getByRole('button', { name: 'Next' }).click();
    // Examples
    await manager.getByLabel('Example for Body {{1}}').fill('Ayu');
    await manager.getByRole('button', { name: 'Next' }).click();
    // Review: the live preview shows the examples filled in
    await manager.getByRole('figure', { name: 'Live preview' }).getByText('Ayu, our spring sale starts today').waitFor();
    await screenshot(page, 'template-manager-review');
    await manager.getByRole('button', { name: 'Submit for approval' }).click();

    // The API's refusal lands on the body field, on the body step, which gets the focus.
    const body = manager.getByLabel('Body', { exact: true });
    await page.waitForFunction(() => document.querySelector('wa-template-manager').shadowRoot
      .querySelector('#f-body')?.getAttribute('aria-invalid') === 'true', null, { timeout: 15_000 });
    assert.equal(await body.evaluate((el) => el.matches(':focus')), true);
    assert.match(await manager.locator('#f-body-error').innerText(), /may not start with a parameter/);
    await screenshot(page, 'template-manager-field-error');

    await body.fill('Hi {{1}}, our spring sale starts today with 20% off everything.');
    assert.equal(await manager.locator('#f-body-error').count(), 0);
    await manager.getByRole('button', { name: /Review/ }).click();
    await manager.getByRole('button', { name: 'Submit for approval' }).click();

    const row = manager.getByRole('row', { name: new RegExp(name) });
    await row.waitFor({ timeout: 15_000 });
    await row.getByText('approved').waitFor({ timeout: 30_000 });
    await screenshot(page, 'template-manager-list');
  });
});

test('a template the provider refuses at submit shows the refusal above the steps; changed, it is submitted', async () => {
  const name = unique('summer_note');
  await withPage(async (page) => {
    await page.goto(new URL('demo/templates.html', baseUrl).href);
    const manager = page.locator('wa-template-manager');
    await manager.getByRole('button', { name: 'New template' }).click();
    await manager.getByLabel('Name', { exact: true }).fill(name);
    await manager.getByLabel('Category').selectOption('UTILITY');
    await manager.getByRole('button', { name: /Body and footer/ }).click();
    // Valid by the plugin's rules; the sandbox, like Meta, refuses its content outright at submit.
    await manager.getByLabel('Body', { exact: true }).fill('Hi {{1}}, we never refuse a return within 30 days.');
    await manager.getByRole('button', { name: /Examples/ }).click();
    await manager.getByLabel('Example for Body {{1}}').fill('Ayu');
    await manager.getByRole('button', { name: /Review/ }).click();
    await manager.getByRole('button', { name: 'Submit for approval' }).click();

    // The refusal names no input (field "template"): it is the alert above the steps, not lost on Basics.
    const alert = manager.locator('#tm-error');
    await alert.waitFor({ timeout: 15_000 });
    assert.match(await alert.innerText(), /Meta refused the template/);
    assert.equal(await manager.getByRole('alert').count() >= 1, true);
    await screenshot(page, 'template-manager-provider-refusal');

    await manager.getByRole('button', { name: /Body and footer/ }).click();
    await manager.getByLabel('Body', { exact: true }).fill('Hi {{1}}, returns are free within 30 days.');
    await manager.getByRole('button', { name: /Review/ }).click();
    await manager.getByRole('button', { name: 'Submit for approval' }).click();
    const row = manager.getByRole('row', { name: new RegExp(name) });
    await row.getByText('approved').waitFor({ timeout: 30_000 });
  });
});
