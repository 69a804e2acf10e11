// What leadership reads: the Fleet Cost and Compliance pages, opened in a
// real browser as erin (leadership: palette.fleet.read), with screenshots.
// The demo fleet (palette.demoData.fleet) gives both pages something to show.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser,
  paletteApi as api,
  screenshot,
  signInAs,
} from './browser.mjs';

describe('fleet cost and compliance', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('opens the cost page as a leadership user', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 1200 },
    });
    await signInAs(page, 'erin', '/palette/cost');
    await page
      .getByRole('heading', { name: 'Fleet cost' })
      .waitFor({ timeout: 30_000 });
    await page
      .getByText(/run-rate/i)
      .first()
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'fleet-cost');
    const summary = await api('erin', '/fleet/cost/summary');
    assert.equal(summary.status, 200);
    assert.equal(typeof summary.body.runRate.monthly, 'number');
    // A developer may not read fleet cost.
    assert.equal((await api('alice', '/fleet/cost/summary')).status, 403);
    await page.close();
  });

  it('opens the compliance page as a leadership user', async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 1200 },
    });
    await signInAs(page, 'erin', '/palette/compliance');
    await page
      .getByRole('heading', { name: 'Fleet compliance' })
      .waitFor({ timeout: 30_000 });
    await page
      .getByText(/Scores by team/)
      .first()
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'fleet-compliance');
    const summary = await api('erin', '/fleet/compliance/summary');
    assert.equal(summary.status, 200);
    assert.ok(summary.body.score >= 0 && summary.body.score <= 100);
    assert.equal((await api('alice', '/fleet/compliance/summary')).status, 403);
    await page.close();
  });
});
