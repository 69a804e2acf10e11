// The portal in a real browser: sign-in, the catalog, the Palette page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL,
  launchBrowser,
  screenshot,
  signInAs,
  signInAsGuest,
  tokenFor,
} from './browser.mjs';

describe('the portal', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('signs a newcomer in as guest and shows the catalog', async () => {
    const page = await browser.newPage();
    await signInAsGuest(page);
    await page.goto(
      `${BASE_URL}/catalog?filters[kind]=component&filters[user]=all`,
    );
    await page
      .getByRole('link', { name: 'Palette for Backstage' })
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'catalog');
    assert.ok(
      await page
        .getByRole('link', { name: 'Palette for Backstage' })
        .isVisible(),
    );
    await page.close();
  });

  it('opens the Palette page with the database and the embedded management cluster healthy', async () => {
    const page = await browser.newPage();
    await signInAsGuest(page);
    await page.getByRole('link', { name: 'Palette' }).first().click();
    await page.getByText('Management clusters', { exact: true }).waitFor();
    await page.getByRole('cell', { name: 'embedded', exact: true }).waitFor();
    await screenshot(page, 'palette');
    assert.ok(await page.getByText('Embedded simulator').isVisible());
    assert.ok(await page.getByText('v1.34.2').isVisible());
    assert.equal(await page.getByText('Unavailable').count(), 0);
    await page.close();
  });

  it('acts as a different catalog user through the dev-user provider', async () => {
    const page = await browser.newPage();
    await signInAs(page, 'priya', '/settings');
    await page.getByText('Backstage Identity', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Platform Team' }).waitFor();
    await screenshot(page, 'signed-in-as-priya');
    // The identity comes from the catalog: Priya and her group own things as her.
    assert.ok(
      await page.getByRole('link', { name: 'Priya Raman' }).first().isVisible(),
    );
    assert.ok(
      await page.getByRole('link', { name: 'Platform Team' }).isVisible(),
    );
    await page.close();
  });

  it('answers GET /api/palette/health with both checks for a signed-in user, and 401 without', async () => {
    const anonymous = await fetch(`${BASE_URL}/api/palette/health`);
    assert.equal(anonymous.status, 401);
    const res = await fetch(`${BASE_URL}/api/palette/health`, {
      headers: { authorization: `Bearer ${await tokenFor('erin')}` },
    });
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.checks.database.status, 'ok');
    assert.deepEqual(
      body.checks.managementClusters.map(c => [c.name, c.status]),
      [['embedded', 'ok']],
    );
  });
});
