// Self-service in a real browser, as different users signed in through the
// real auth backend: a developer runs the development template to a Running
// cluster; another developer requests a production cluster, which waits for
// an approval; a platform-team member approves it on the approvals page, and
// the template's task finishes once the cluster provisions.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, paletteApi, screenshot, signInAs } from './browser.mjs';

/** Picks an option of an autocomplete field (OwnerPicker, EntityPicker). */
async function pick(page, label, option) {
  await page
    .getByRole('combobox', { name: label })
    .or(page.getByLabel(label))
    .first()
    .click();
  await page.getByRole('option', { name: option }).first().click();
}

/** The phase of a cluster, read through the API as the given user. */
async function phaseOf(user, name) {
  return (await paletteApi(user, `/clusters/${name}`)).body.phase;
}

describe('self-service clusters', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('a developer runs the development template to a Running cluster', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 1100 },
    });
    const name = `dev-${Date.now().toString(36)}`;
    await signInAs(
      page,
      'alice',
      '/create/templates/default/palette-development-cluster',
    );
    await page.getByRole('textbox', { name: /^Name/ }).fill(name);
    await pick(page, /^Owner/, /Team Apollo/);
    await pick(page, /^Project/, /payments/);
    await page.getByRole('button', { name: 'Next' }).click();
    // The profile picker offers what the dev policy allows, defaulted.
    await page
      .getByText('Every published profile may be used in payments / dev.')
      .waitFor();
    await screenshot(page, 'template-dev-configuration');
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Create' }).click();
    await page
      .getByText('Finished step Wait until the cluster runs')
      .waitFor({ timeout: 120_000 });
    await screenshot(page, 'template-dev-done');
    assert.equal(await phaseOf('alice', name), 'Running');
    await page.close();
  });

  it('a production request waits for the platform team, is approved, and provisions', async () => {
    const name = `prod-${Date.now().toString(36)}`;
    const bob = await browser.newPage({
      viewport: { width: 1400, height: 1100 },
    });
    await signInAs(
      bob,
      'bob',
      '/create/templates/default/palette-production-cluster',
    );
    await bob.getByRole('textbox', { name: /^Name/ }).fill(name);
    await pick(bob, /^Owner/, /Team Apollo/);
    await pick(bob, /^Project/, /payments/);
    await bob
      .getByRole('textbox', { name: /^Justification/ })
      .fill('Launch of the payments API in Europe');
    await bob.getByRole('button', { name: 'Next' }).click();
    await bob.getByRole('button', { name: 'Next' }).click();
    await bob
      .getByText(/needs approval|approval/i)
      .first()
      .waitFor();
    await bob.getByRole('button', { name: 'Review' }).click();
    await bob.getByRole('button', { name: 'Create' }).click();
    // The task runs on; its log says what it waits for.
    await bob.getByRole('button', { name: /Show logs/i }).click();
    await bob
      .getByText('Finished step Request the cluster')
      .waitFor({ timeout: 60_000 });
    await bob
      .getByText(/waiting for approval by group:default\/platform-team/i)
      .first()
      .waitFor({ timeout: 60_000 });
    await screenshot(bob, 'template-prod-waiting');
    assert.equal(await phaseOf('bob', name), 'PendingApproval');

    // The requester's teammate cannot approve; the platform team can.
    const priya = await browser.newPage({
      viewport: { width: 1400, height: 1100 },
    });
    await signInAs(priya, 'priya', '/palette/approvals');
    await priya
      .getByRole('button', { name: `Approve ${name}` })
      .first()
      .click();
    const dialog = priya.getByRole('dialog');
    await dialog
      .getByRole('textbox', { name: /Comment/ })
      .fill('Capacity checked; go ahead');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await screenshot(priya, 'approvals-decided');

    await bob
      .getByText('Finished step Wait for approval and provisioning')
      .waitFor({ timeout: 180_000 });
    await screenshot(bob, 'template-prod-done');
    assert.equal(await phaseOf('bob', name), 'Running');
    await bob.close();
    await priya.close();
  });
});
