import * as k8s from '@kubernetes/client-node';
import { ConflictError } from '@backstage/errors';
import { ClusterInventory } from '@palette-backstage/plugin-palette-common';
import yaml from 'js-yaml';
import { DatabaseProfileStore } from '../../database';
import { applyDatabaseMigrations } from '../../database/migrations';
import { PackRegistry } from '../../packs';
import {
  createPaletteTestDatabases,
  PALETTE_TEST_DATABASE_IDS,
} from '../../__testUtils__/testDatabases';
import { discoverCluster } from '../discovery/discoverCluster';
import { FakeWorkloadCluster } from '../__testUtils__/fakeWorkloadCluster';
import { generateProfile, mapInventory, UNKNOWN_REPOSITORY } from '.';

jest.setTimeout(120_000);

const databases = createPaletteTestDatabases();
const ACTOR = 'user:default/platform-admin';

/** The fake EKS cluster's inventory, as discovery reads it. */
async function eksInventory(): Promise<ClusterInventory> {
  const cluster = await FakeWorkloadCluster.start();
  try {
    const kc = new k8s.KubeConfig();
    kc.loadFromString(cluster.kubeconfig());
    return await discoverCluster(kc, { now: new Date('2026-11-24T10:00:00Z') });
  } finally {
    await cluster.stop();
  }
}

describe('mapInventory', () => {
  it('maps discovered parts to registry packs, and the rest to custom packs', async () => {
    const packs = PackRegistry.withBuiltinPacks();
    const layers = mapInventory(await eksInventory(), packs, 'eks');
    const summary = layers.map(l => [l.layer, l.mappedTo, l.pack.name]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['kubernetes', 'registry', 'kubernetes-eks'],
        ['cni', 'registry', 'cilium'],
        ['csi', 'registry', 'aws-ebs-csi'],
        ['addon', 'registry', 'cert-manager'],
        ['addon', 'custom', 'billing-api'],
      ]),
    );
    const kubernetes = layers.find(l => l.layer === 'kubernetes')!;
    // 1.32.3 is below every current EKS pack version: the lowest one, noted.
    const current = packs
      .list({ name: 'kubernetes-eks', includeDeprecated: false })
      .map(p => p.version);
    expect(kubernetes.pack.version).toBe(current[current.length - 1]);
    expect(kubernetes.note).toMatch(/no version at or below 1\.32\.3/);
    const csi = layers.find(l => l.layer === 'csi')!;
    // Every EBS pack is newer than the discovered 1.37.0: the lowest one.
    expect(csi.pack.version).toBe('1.52.0');
    expect(csi.note).toMatch(/nearest version of aws-ebs-csi/);

    const custom = layers.find(l => l.pack.name === 'billing-api')!;
    expect(custom).toMatchObject({
      discovered: 'apps/billing (billing-api 2.4.1)',
      pack: { name: 'billing-api', version: '2.4.1' },
      customPack: {
        chart: 'billing-api',
        namespace: 'apps',
        releaseName: 'billing',
      },
    });
    expect(custom.note).toMatch(/repository is unknown/);
    expect(custom.note).toMatch(/sensitive values were left out/);
    // Discovered values, without the redacted ones.
    expect(yaml.load(custom.values!)).toEqual({
      image: { tag: '2.4.1' },
      database: { host: 'db.internal' },
    });
    const certManager = layers.find(l => l.pack.name === 'cert-manager')!;
    expect(yaml.load(certManager.values!)).toEqual({
      crds: { enabled: true },
      replicaCount: 2,
    });
  });
});

describe.each(PALETTE_TEST_DATABASE_IDS)('generateProfile on %s', engine => {
  it('creates the custom packs and an unpublished draft, and refuses a taken name', async () => {
    const knex = await databases.init(engine);
    await applyDatabaseMigrations(knex);
    const packs = PackRegistry.withBuiltinPacks();
    const store = new DatabaseProfileStore({ db: knex, packRegistry: packs });
    const inventory = await eksInventory();
    const input = {
      name: 'legacy-imported',
      cluster: 'legacy',
      owner: 'group:default/team-apollo',
      cloudType: 'eks' as const,
      inventory,
    };

    const result = await generateProfile({ packs, store }, input, ACTOR);
    expect(result.profile).toEqual({
      name: 'legacy-imported',
      version: '1.0.0',
    });
    expect(result.layers.find(l => l.mappedTo === 'custom')).toMatchObject({
      pack: { name: 'billing-api', version: '2.4.1' },
    });
    expect(JSON.stringify(result)).not.toMatch(/hunter2|abc123/);

    const profile = (await store.getProfile('legacy-imported'))!;
    expect(profile).toMatchObject({ type: 'full', cloudType: 'eks' });
    expect(profile.versions).toEqual([]);
    expect(profile.draft!.layers.map(l => l.packName)).toEqual(
      result.layers.map(l => l.pack.name),
    );
    const custom = packs.get('billing-api', '2.4.1')!;
    expect(custom).toMatchObject({
      source: 'custom',
      layer: 'addon',
      kind: {
        type: 'helm',
        repository: UNKNOWN_REPOSITORY,
        chart: 'billing-api',
      },
    });
    expect((await store.listCustomPacks()).map(p => p.name)).toContain(
      'billing-api',
    );

    await expect(
      generateProfile({ packs, store }, input, ACTOR),
    ).rejects.toThrow(ConflictError);
    // A second profile reuses the custom pack created by the first.
    await generateProfile(
      { packs, store },
      { ...input, name: 'legacy-again' },
      ACTOR,
    );
    expect(
      (await store.listCustomPacks()).filter(p => p.name === 'billing-api'),
    ).toHaveLength(1);
  });
});
