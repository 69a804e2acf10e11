// Roles through the real auth backend and the portal's permission policy:
// each user signs in with the dev-user provider and calls the API with the
// token the auth backend issued, so the decisions come from the configured
// roles (palette.governance.roles) and the catalog memberships.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { paletteApi as api } from './browser.mjs';

const request = (name, owner, environment = 'dev') => ({
  name,
  profile: { name: 'dev-full', version: '1.1.0' },
  cloudAccount: 'local',
  region: 'local',
  controlPlane: { replicas: 1 },
  workerPools: [{ name: 'workers', instanceType: 'medium', count: 1 }],
  owner,
  project: 'system:default/payments',
  environment,
});

describe('roles and permissions', () => {
  const name = `perm-${Date.now().toString(36)}`;

  before(async () => {
    const created = await api('alice', '/clusters', {
      method: 'POST',
      body: JSON.stringify(request(name, 'group:default/team-apollo')),
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  });

  it('a developer requests and manages clusters for their own team only', async () => {
    const own = await api('alice', `/clusters/${name}`);
    assert.equal(own.status, 200);
    const other = await api('alice', '/clusters?dryRun=true', {
      method: 'POST',
      body: JSON.stringify(request('x-other', 'group:default/team-zephyr')),
    });
    assert.equal(other.body.valid, false);
    assert.ok(other.body.messages.some(m => m.code === 'owner.membership'));
    // Profiles are the platform team's.
    const profile = await api('alice', '/profiles', {
      method: 'POST',
      body: JSON.stringify({
        name: 'x-alice',
        type: 'add-on',
        cloudType: 'all',
        owner: 'group:default/team-apollo',
      }),
    });
    assert.equal(profile.status, 403);
    const policy = await api('alice', '/governance/policies', {
      method: 'PUT',
      body: JSON.stringify({
        project: '*',
        environment: 'qa',
        requireApproval: false,
      }),
    });
    assert.equal(policy.status, 403);
  });

  it("another team's developer can neither see nor change the cluster", async () => {
    assert.equal((await api('carol', `/clusters/${name}`)).status, 404);
    const list = await api('carol', '/clusters?limit=500');
    assert.ok(!list.body.items.some(c => c.name === name));
    assert.equal(
      (await api('carol', `/clusters/${name}/pause`, { method: 'POST' }))
        .status,
      404,
    );
    assert.equal(
      (await api('carol', `/clusters/${name}/kubeconfig`)).status,
      404,
    );
  });

  it('leadership reads the fleet and the audit log but changes nothing', async () => {
    const list = await api('erin', '/clusters?limit=500');
    assert.equal(list.status, 200);
    assert.ok(list.body.items.some(c => c.name === name));
    assert.equal((await api('erin', '/audit?limit=5')).status, 200);
    const create = await api('erin', '/clusters', {
      method: 'POST',
      body: JSON.stringify(request('x-erin', 'group:default/leadership')),
    });
    assert.equal(create.status, 403);
    assert.equal(
      (await api('erin', `/clusters/${name}`, { method: 'DELETE' })).status,
      403,
    );
  });

  it('the platform team manages governance and any cluster', async () => {
    const quota = await api('priya', '/governance/quotas', {
      method: 'PUT',
      body: JSON.stringify({
        team: 'group:default/team-zephyr',
        maxClusters: 6,
        maxNodes: 40,
        maxVcpus: 160,
        monthlyBudget: 5000,
      }),
    });
    assert.equal(quota.status, 200);
    const deleted = await api('priya', `/clusters/${name}`, {
      method: 'DELETE',
    });
    assert.equal(deleted.status, 202);
    assert.equal(
      deleted.body.phase === 'Deleting' ||
        Boolean(deleted.body.deletionRequestedAt),
      true,
    );
  });
});
