// Bringing clusters in and rolling a profile version out, in a real browser
// as priya (platform team: clusterAdmin and profileAdmin): she imports one of
// the embedded simulator's existing clusters by its kubeconfig, watches
// discovery fill its inventory, creates the equivalent draft profile, and
// then rolls dev-full 1.1.0 out to three clusters of one project in waves
// (a canary, then a batch) until the rollout completes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser,
  paletteApi as api,
  screenshot,
  signInAs,
} from './browser.mjs';

async function waitUntil(what, check, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await check();
    if (last === true) return;
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`${what} did not happen in time; last: ${last}`);
}

describe('import and rollouts', () => {
  let browser;
  const suffix = Date.now().toString(36);
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('imports an existing cluster, discovers it and creates its profile', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 1200 },
    });
    const name = `edge-${suffix}`;
    await signInAs(page, 'priya', '/palette/clusters');
    await page.getByRole('button', { name: 'Import cluster' }).click();
    const form = page.getByRole('form', { name: 'Import cluster' });
    await form
      .getByLabel(/^Try a simulated existing cluster/)
      .click({ timeout: 30_000 });
    await page.getByRole('option', { name: /^edge-retail-01/ }).click();
    await page.waitForFunction(() =>
      document
        .querySelector('#import-cluster-kubeconfig')
        ?.value.includes('/workload/existing/edge-retail-01'),
    );
    await form.getByLabel(/^Cluster name/).fill(name);
    await form.getByLabel(/^Project/).fill('payments');
    await form.getByRole('button', { name: 'Test connection' }).click();
    await form.getByText(/^Connected to /).waitFor({ timeout: 30_000 });
    await screenshot(page, 'import-dialog');
    await form.getByRole('button', { name: 'Import', exact: true }).click();

    // The cluster page: discovery finishes and the inventory shows what runs.
    await page.waitForURL(new RegExp(`/palette/clusters/${name}$`), {
      timeout: 30_000,
    });
    await page
      .getByRole('tab', { name: /^Nodes \([1-9]/ })
      .waitFor({ timeout: 90_000 });
    await page
      .getByText(/cilium/i)
      .first()
      .waitFor();
    await page
      .getByText(/Imported \(read-only\)/)
      .first()
      .waitFor();
    await screenshot(page, 'import-inventory');

    const cluster = await api('priya', `/clusters/${name}`);
    assert.equal(cluster.status, 200);
    assert.equal(cluster.body.imported.mode, 'read-only');
    assert.equal(cluster.body.profile, undefined);
    assert.ok(['Running', 'Degraded'].includes(cluster.body.phase));
    // The kubeconfig was stored once and is never shown again.
    assert.ok(!JSON.stringify(cluster.body).includes('admin-token'));
    assert.equal(
      (await api('priya', `/clusters/${name}/kubeconfig`)).status,
      403,
    );

    // The equivalent draft profile, for the platform team to review.
    await page
      .getByRole('button', { name: 'Create profile from this cluster' })
      .click();
    await page
      .getByRole('form', { name: 'Create profile' })
      .getByRole('button', { name: 'Create draft profile' })
      .click();
    await page
      .getByText(/^Created the draft of profile /)
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'import-profile');
    const profile = await api('priya', `/profiles/${name}-imported`);
    assert.equal(profile.status, 200);
    assert.ok(profile.body.draft, 'the generated profile is a draft');
    assert.equal(profile.body.versions.length, 0, 'nothing is published');
    await page
      .getByRole('button', { name: 'Review the draft profile' })
      .click();
    await page.waitForURL(new RegExp(`/palette/profiles/${name}-imported`));
    await page.close();
  });

  it('rolls a new profile version out to a few clusters in waves', async () => {
    const project = `rollout-${suffix}`;
    const names = [1, 2, 3].map(i => `ro-${suffix}-${i}`);
    for (const name of names) {
      const created = await api('priya', '/clusters', {
        method: 'POST',
        body: JSON.stringify({
          name,
          profile: { name: 'dev-full', version: '1.0.0' },
          cloudAccount: 'local',
          region: 'local',
          controlPlane: { replicas: 1 },
          workerPools: [{ name: 'workers', instanceType: 'medium', count: 1 }],
          owner: 'group:default/platform-team',
          project: `system:default/${project}`,
          environment: 'dev',
        }),
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
    }
    await waitUntil('the three clusters run', async () => {
      const phases = await Promise.all(
        names.map(async n => (await api('priya', `/clusters/${n}`)).body.phase),
      );
      return phases.every(p => p === 'Running') || phases.join(',');
    });

    const page = await browser.newPage({
      viewport: { width: 1400, height: 1200 },
    });
    await signInAs(page, 'priya', '/palette/rollouts');
    await page.getByRole('button', { name: 'New rollout' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByRole('combobox', { name: /^Profile/ })
      .selectOption('dev-full');
    await dialog
      .getByRole('combobox', { name: /^Target version/ })
      .selectOption('1.1.0');
    const projects = dialog.getByLabel(/^Projects/);
    await projects.fill(project);
    await projects.press('Enter');
    await dialog.getByLabel(/^Batch size/).fill('2');
    await dialog.getByRole('button', { name: 'Preview plan' }).click();
    await dialog
      .getByRole('region', { name: 'Rollout plan' })
      .getByText(names[0])
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'rollout-plan');
    await dialog.getByRole('button', { name: 'Start rollout' }).click();

    await page.waitForURL(/\/palette\/rollouts\/[^/]+$/, { timeout: 30_000 });
    const id = page.url().split('/').pop();
    await page
      .getByText('Completed', { exact: true })
      .first()
      .waitFor({ timeout: 180_000 });
    await screenshot(page, 'rollout-completed');

    const rollout = await api('priya', `/rollouts/${id}`);
    assert.equal(rollout.status, 200);
    assert.equal(rollout.body.status, 'Completed');
    assert.deepEqual(
      rollout.body.waves.map(w => [w.kind, w.clusters.length]),
      [
        ['canary', 1],
        ['batch', 2],
      ],
    );
    for (const name of names) {
      const cluster = await api('priya', `/clusters/${name}`);
      assert.equal(cluster.body.profile.version, '1.1.0');
    }
    const usage = await api('priya', '/profiles/dev-full/usage');
    assert.ok(
      usage.body.versions.find(v => v.version === '1.1.0').clusters >= 3,
    );
    await page.close();
  });
});
