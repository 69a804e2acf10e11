// The cluster lifecycle in a real browser against the embedded simulator: a
// developer requests a cluster from a curated profile, watches it reach
// Running, upgrades it to the profile's next version, scales its pool and
// deletes it. Screenshots of each step land in e2e/screenshots/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot, signInAs } from './browser.mjs';

/** The phase chip of the cluster page, e.g. `Running`. */
async function waitForPhase(page, phase, timeout = 90_000) {
  await page
    .getByRole('region', { name: /lifecycle/i })
    .or(page.locator('main'))
    .first()
    .getByText(phase, { exact: true })
    .first()
    .waitFor({ timeout });
}

describe('cluster lifecycle', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('requests a cluster, watches it reach Running, upgrades, scales and deletes it', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 1100 },
    });
    const name = `e2e-${Date.now().toString(36)}`;
    await signInAs(page, 'alice', '/palette/clusters');
    await page.getByRole('button', { name: 'Request cluster' }).first().click();
    const form = page.getByRole('form', { name: 'Request cluster' });
    await form
      .getByRole('combobox', { name: /^Profile/ })
      .selectOption('dev-full');
    await form
      .getByRole('combobox', { name: /^Version/ })
      .selectOption('1.0.0');
    await form.getByRole('textbox', { name: /^Cluster name/ }).fill(name);
    await form
      .getByRole('combobox', { name: /^Cloud\ account/ })
      .selectOption('local');
    await form.getByRole('combobox', { name: /^Region/ }).selectOption('local');
    await form
      .getByRole('combobox', { name: /^Control\ plane\ nodes/ })
      .selectOption('1');
    await form.getByRole('textbox', { name: /^Instance type/ }).fill('medium');
    await form.getByRole('spinbutton', { name: /^Nodes/ }).fill('2');
    await form
      .getByRole('textbox', { name: /^Owner group/ })
      .fill('group:default/team-apollo');
    await form
      .getByRole('textbox', { name: /^Project/ })
      .fill('system:default/payments');
    await form.getByRole('textbox', { name: /^Environment/ }).fill('dev');

    // The dry run: valid, with the rendered manifests.
    await form.getByRole('button', { name: 'Validate' }).click();
    await form
      .getByText(/ClusterClass/)
      .first()
      .waitFor();
    await screenshot(page, 'cluster-request');
    await form.getByRole('button', { name: 'Request' }).click();

    // The cluster's page follows it to Running.
    await page.waitForURL(new RegExp(`/palette/clusters/${name}$`));
    await waitForPhase(page, 'Running');
    await page.getByText('v1.34.4').first().waitFor();
    await screenshot(page, 'cluster-running');

    // Upgrade to 1.1.0, with its preview.
    await page
      .getByRole('button', { name: 'Upgrade', exact: true })
      .first()
      .click();
    const upgrade = page.getByRole('dialog');
    await upgrade
      .getByRole('combobox', { name: /^Version/ })
      .selectOption('1.1.0');
    await upgrade.getByRole('button', { name: 'Preview' }).click();
    await upgrade.getByText(/kubernetes 1\.34\.4 → 1\.34\.10/).waitFor();
    await screenshot(page, 'cluster-upgrade-preview');
    await upgrade.getByRole('button', { name: 'Upgrade' }).click();
    await upgrade.waitFor({ state: 'hidden' });
    await page.getByText('dev-full@1.1.0').first().waitFor();
    // Rolled: the control plane and the pool both run the new version.
    await page
      .getByRole('cell', { name: 'v1.34.10' })
      .nth(1)
      .waitFor({ timeout: 90_000 });
    await waitForPhase(page, 'Running');
    await screenshot(page, 'cluster-upgraded');

    // Scale the pool to three nodes.
    await page.getByRole('button', { name: 'Scale pool workers' }).click();
    const scale = page.getByRole('form', { name: 'Scale pool workers' });
    await scale.getByRole('spinbutton', { name: /^Nodes/ }).fill('3');
    await scale.getByRole('button', { name: 'Scale' }).click();
    await scale.waitFor({ state: 'hidden' });
    await page
      .getByRole('cell', { name: /^3 \/ 3/ })
      .first()
      .waitFor({ timeout: 90_000 });
    await waitForPhase(page, 'Running');
    await screenshot(page, 'cluster-scaled');

    // Delete, typing the name to confirm; the page shows it to the end.
    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog');
    await confirm
      .getByRole('textbox', { name: /Type the cluster name/ })
      .fill(name);
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await waitForPhase(page, 'Deleted', 120_000);
    await screenshot(page, 'cluster-deleted');

    // The timeline tells the whole story, newest first (it refreshes on its
    // own schedule, so wait for its last entry).
    const events = page.getByLabel('Events').first();
    await events
      .getByText('Every Cluster API object is gone')
      .first()
      .waitFor({ timeout: 60_000 });
    const timeline = await events.innerText();
    for (const step of [
      /deleted/i,
      /deletion requested/i,
      /pool workers/i,
      /upgrade to dev-full@1\.1\.0/i,
      /requested from dev-full@1\.0\.0/i,
    ]) {
      assert.match(timeline, step);
    }
  });
});
