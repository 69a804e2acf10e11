// Cluster Profiles in a real browser: the platform team creates a profile,
// builds its draft, validates and publishes it, and finds it in the catalog.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launchBrowser, screenshot, signInAs } from './browser.mjs';

describe('cluster profiles', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('creates, validates and publishes a profile through the UI, and finds it in the catalog', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 1000 },
    });
    const name = `e2e-addons-${Date.now().toString(36)}`;
    await signInAs(page, 'priya', '/palette/profiles');
    await page
      .getByRole('cell', { name: 'aws-infra' })
      .first()
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'profiles-list');

    await page.getByRole('button', { name: 'Create profile' }).click();
    const dialog = page.getByRole('form', { name: 'Create profile' });
    await dialog.getByRole('textbox', { name: /^Name/ }).fill(name);
    await dialog
      .getByRole('textbox', { name: /^Display name/ })
      .fill('Browser test add-ons');
    await dialog
      .getByRole('combobox', { name: /^Type/ })
      .selectOption('add-on');
    await dialog
      .getByRole('combobox', { name: /^Cloud type/ })
      .selectOption('all');
    await dialog
      .getByRole('textbox', { name: /^Owner group/ })
      .fill('group:default/platform-team');
    await dialog.getByRole('button', { name: 'Create' }).click();

    // The new profile's page, with its empty draft.
    await page.getByRole('heading', { name: 'Browser test add-ons' }).waitFor();
    const addAddon = page.getByRole('group', { name: 'Add an add-on' });
    await addAddon.getByLabel('Pack').selectOption('cert-manager');
    await addAddon.getByRole('button', { name: /add/i }).click();
    await page
      .getByRole('region', { name: /layer cert-manager/i })
      .or(page.getByLabel(/layer cert-manager/i))
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Validate' }).click();
    await screenshot(page, 'profile-draft');

    await page.getByRole('button', { name: 'Publish' }).click();
    const publish = page.getByRole('form', { name: 'Publish version' });
    await publish.getByRole('textbox', { name: /^Version/ }).fill('1.0.0');
    await publish
      .getByRole('textbox', { name: /^Change note/ })
      .fill('First version, published by the browser test');
    await publish.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('1.0.0').first().waitFor();
    await page.getByRole('tab', { name: /Versions/ }).click();
    await page
      .getByText('First version, published by the browser test')
      .waitFor();
    await screenshot(page, 'profile-published');

    // The catalog module picks the change up within seconds.
    let found = false;
    for (let attempt = 0; attempt < 20 && !found; attempt++) {
      await page.goto(`${BASE_URL}/catalog/default/resource/${name}`);
      found = await page
        .getByRole('heading', { name: 'Browser test add-ons' })
        .first()
        .waitFor({ timeout: 2000 })
        .then(
          () => true,
          () => false,
        );
    }
    assert.ok(found, 'the profile did not reach the catalog');
    await page.getByText('cluster-profile').first().waitFor();
    await screenshot(page, 'profile-in-catalog');
    await page.close();
  });
});
