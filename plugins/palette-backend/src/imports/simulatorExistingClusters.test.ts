import { mockServices } from '@backstage/backend-test-utils';
import {
  RunningSimulator,
  startSimulator,
} from '@palette-backstage/capi-simulator';
import { AuditLog } from '../audit/AuditLog';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';
import { ALICE, APOLLO } from '../clusters/testFixtures';
import { applyDatabaseMigrations } from '../database/migrations';
import { PackRegistry } from '../packs';
import { createPaletteTestDatabases } from '../__testUtils__/testDatabases';
import { discoverCluster } from './discovery/discoverCluster';
import { memoryManagementClient } from './__testUtils__/memoryManagementClient';
import { ImportedClusterMonitor } from './ImportedClusterMonitor';
import { importedRequest } from './importedRequest';
import { importSecret, importSecretName } from './kubeconfig/importSecret';
import { parseImportKubeconfig } from './kubeconfig/parseImportKubeconfig';
import { mapInventory } from './profileFromInventory';

jest.setTimeout(120_000);

const NOW = new Date('2026-11-24T10:00:00.000Z');
const databases = createPaletteTestDatabases();

// The embedded simulator's existing clusters: what an import meets in the
// demo, reached over HTTP through client-node like any real cluster.
describe('discovery against the simulator existing clusters', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startSimulator({ controllers: false, timing: 'instant' });
  });
  afterAll(() => simulator?.stop());

  const discover = (name: string) =>
    discoverCluster(
      parseImportKubeconfig(simulator.existingClusterKubeconfig(name))
        .kubeConfig,
      { now: NOW },
    );

  it('discovers an EKS cluster: version, pools, CNI, CSI and Helm releases', async () => {
    const inventory = await discover('legacy-payments');
    expect(inventory.kubernetes).toMatchObject({
      gitVersion: 'v1.32.3-eks-4096722',
      version: '1.32.3',
      distribution: 'eks',
    });
    expect(inventory.provider).toBe('eks');
    expect(inventory.region).toBe('us-east-1');
    const pools = new Map<string, number>();
    for (const n of inventory.nodes)
      pools.set(n.pool ?? '', (pools.get(n.pool ?? '') ?? 0) + 1);
    expect(Object.fromEntries(pools)).toEqual({ general: 3, batch: 2 });
    expect(inventory.nodes.every(n => n.ready && n.cpu > 0)).toBe(true);
    expect(inventory.nodes[0].osImage).toMatch(/Amazon Linux/);
    expect(inventory.cni?.name).toBe('aws-vpc-cni');
    expect(inventory.csi.map(c => c.name)).toContain('ebs.csi.aws.com');
    expect(inventory.helmReleases.map(r => `${r.namespace}/${r.name}`)).toEqual(
      expect.arrayContaining([
        'ingress-nginx/ingress-nginx',
        'cert-manager/cert-manager',
        'monitoring/monitoring',
      ]),
    );
    const nginx = inventory.helmReleases.find(r => r.name === 'ingress-nginx')!;
    expect(nginx).toMatchObject({ chartVersion: '4.11.3', revision: 4 });
  });

  it.each([
    ['edge-retail-01', 'kubeadm', 'cilium'],
    ['analytics-aks', 'aks', 'azure-cni'],
  ])('discovers %s as %s with %s', async (name, distribution, cni) => {
    const inventory = await discover(name);
    expect(inventory.kubernetes.distribution).toBe(distribution);
    expect(inventory.cni?.name).toBe(cni);
    expect(inventory.nodes.length).toBeGreaterThan(0);
  });

  it('maps the EKS cluster to registry packs, and custom packs where none match', async () => {
    const layers = mapInventory(
      await discover('legacy-payments'),
      PackRegistry.withBuiltinPacks(),
      'eks',
    );
    const byPack = Object.fromEntries(layers.map(l => [l.pack.name, l]));
    expect(byPack['kubernetes-eks'].mappedTo).toBe('registry');
    expect(byPack['aws-vpc-cni'].mappedTo).toBe('registry');
    expect(byPack['aws-ebs-csi'].mappedTo).toBe('registry');
    // The registry deprecated ingress-nginx: still its pack, with a note.
    expect(byPack['ingress-nginx']).toMatchObject({
      layer: 'addon',
      mappedTo: 'registry',
      note: expect.stringMatching(/deprecated in the registry/),
    });
    expect(byPack['kube-prometheus-stack']).toMatchObject({
      mappedTo: 'registry',
    });
  });

  it('follows health: healthy → Running, degraded → Degraded, unreachable → Unreachable', async () => {
    const knex = await databases.init('SQLITE_3');
    await applyDatabaseMigrations(knex);
    const store = new DatabaseClusterStore({
      db: knex,
      auditLog: new AuditLog(knex),
    });
    const client = memoryManagementClient();
    const monitor = new ImportedClusterMonitor({
      store,
      client: () => client,
      logger: mockServices.logger.mock(),
      onChanged: () => {},
      callTimeoutMs: 2_000,
    });
    const name = 'edge-retail-01';
    await client.apply(
      importSecret(
        name,
        'palette-clusters',
        simulator.existingClusterKubeconfig(name),
      ),
    );
    let record = await store.createImported(
      {
        request: importedRequest({
          name,
          mode: 'read-only',
          addOnProfiles: [],
          owner: APOLLO,
          project: 'system:default/retail',
          environment: 'production',
        }),
        managementCluster: 'm',
        namespace: 'palette-clusters',
        provider: 'vsphere',
        mode: 'read-only',
        secretName: importSecretName(name),
        createdBy: ALICE,
      },
      { action: 'cluster.import', reason: 'Imported', message: 'Imported' },
    );
    record = await monitor.check(record);
    expect(record.phase).toBe('Running');

    simulator.setExistingClusterHealth(name, 'degraded');
    record = await monitor.check(record);
    expect(record.phase).toBe('Degraded');
    expect(record.message).toMatch(/node\(s\) not Ready: /);

    simulator.setExistingClusterHealth(name, 'unreachable');
    record = await monitor.check(record);
    expect(record.phase).toBe('Unreachable');
    expect(record.message).toMatch(/cannot be reached/);

    simulator.setExistingClusterHealth(name, 'healthy');
    record = await monitor.check(record);
    expect(record.phase).toBe('Running');
  });
});
