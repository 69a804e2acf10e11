import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import {
  RunningSimulator,
  startSimulator,
} from '@palette-backstage/capi-simulator';
import { KubeConfig } from '@kubernetes/client-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AuditLog } from '../audit/AuditLog';
import { ClusterService } from '../clusters/ClusterService';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';
import { ClusterSettings } from '../clusters/settings';
import { devRequest } from '../clusters/testFixtures';
import { DatabaseProfileStore } from '../database';
import { DatabaseGovernanceStore } from '../governance/DatabaseGovernanceStore';
import { GovernanceService } from '../governance/GovernanceService';
import { ManagementClusters } from '../management/ManagementClusters';
import { PackRegistry } from '../packs';
import { seedDemoProfiles } from '../seed/seedDemoProfiles';
import {
  createPaletteTestDatabases,
  PALETTE_TEST_DATABASE_IDS,
} from '../__testUtils__/testDatabases';
import { ManagementClient } from './ManagementClient';
import { Orchestrator } from './Orchestrator';
import { KubeObject } from './types';

jest.setTimeout(120_000);

const databases = createPaletteTestDatabases();
const logger = mockServices.logger.mock();
const TOKEN = 'orchestrator-test-token';

const SETTINGS: ClusterSettings = {
  namespace: 'palette-clusters',
  provisioningTimeoutMs: 60_000,
  updateTimeoutMs: 60_000,
  forceDeleteAfterMs: 60_000,
  reconcileIntervalMs: 60_000,
  driftCheckIntervalMs: 0,
  leaseMs: 1_000,
};

/** A client whose applies can be counted, held or broken. */
class InstrumentedClient extends ManagementClient {
  static inFlight = new Map<string, number>();
  static maxInFlight = 0;
  /** Applies after which this client never answers again (a crash mid-way). */
  hangAfter = Infinity;
  applies = 0;

  async apply(object: KubeObject, dryRun = false): Promise<KubeObject> {
    this.applies += 1;
    if (this.applies > this.hangAfter) return new Promise(() => {});
    const cluster = object.metadata.labels?.['palette.io/cluster'];
    if (!cluster) return super.apply(object, dryRun);
    const n = (InstrumentedClient.inFlight.get(cluster) ?? 0) + 1;
    InstrumentedClient.inFlight.set(cluster, n);
    InstrumentedClient.maxInFlight = Math.max(
      InstrumentedClient.maxInFlight,
      n,
    );
    try {
      // A little latency widens the window in which two instances could collide.
      await new Promise(r => setTimeout(r, 2));
      return await super.apply(object, dryRun);
    } finally {
      InstrumentedClient.inFlight.set(cluster, n - 1);
    }
  }
}

describe.each(PALETTE_TEST_DATABASE_IDS)('Orchestrator on %s', id => {
  let sim: RunningSimulator | undefined;
  let port = 0;
  const stops: Array<() => Promise<void>> = [];

  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
    await sim?.stop();
    sim = undefined;
  });

  async function startSim(controllers = true) {
    sim = await startSimulator({
      port,
      token: TOKEN,
      timing: 'instant',
      controllers,
    });
    port = Number(new URL(sim.url).port);
    return sim;
  }

  async function setup(databaseId: TestDatabaseId = id) {
    const knex = await databases.init(databaseId);
    const packs = PackRegistry.withBuiltinPacks();
    const profiles = await DatabaseProfileStore.create({
      database: { getClient: async () => knex } as any,
      packRegistry: packs,
    });
    await seedDemoProfiles(profiles, packs, logger);
    const file = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'palette-')),
      'kubeconfig',
    );
    fs.writeFileSync(file, sim!.kubeconfig('m'));
    const { clusters } = await ManagementClusters.start(
      [{ name: 'm', type: 'kubeconfig', kubeconfigPath: file }],
      logger,
    );
    const store = new DatabaseClusterStore({
      db: knex,
      auditLog: new AuditLog(knex),
    });
    const clients: InstrumentedClient[] = [];
    const start = async (instanceId: string, hangAfter = Infinity) => {
      const orchestrator = await Orchestrator.start({
        store,
        profiles,
        packs,
        accounts: [
          { name: 'local', cloudType: 'dev', settings: {}, regions: ['local'] },
        ],
        managementClusters: clusters,
        settings: SETTINGS,
        logger,
        instanceId,
        onClusterChanged: () => {},
        clientFactory: (name: string, kubeConfig: KubeConfig) => {
          const client = new InstrumentedClient(name, kubeConfig);
          client.hangAfter = hangAfter;
          clients.push(client);
          return client;
        },
      });
      stops.push(() => orchestrator.stop());
      const service = new ClusterService({
        store,
        governance: new GovernanceService(
          new DatabaseGovernanceStore({
            db: knex,
            auditLog: new AuditLog(knex),
          }),
          { approvalExpiryMs: 60_000 },
        ),
        profiles,
        packs,
        accounts: [
          { name: 'local', cloudType: 'dev', settings: {}, regions: ['local'] },
        ],
        managementClusters: clusters,
        namespace: SETTINGS.namespace,
        forceDeleteAfterMs: SETTINGS.forceDeleteAfterMs,
        onChanged: record => orchestrator.onRequested(record),
      });
      return { orchestrator, service };
    };
    return { store, start, clients };
  }

  /** Runs periodic reconciliations until the cluster is in the phase. */
  async function converge(
    orchestrators: Orchestrator[],
    store: DatabaseClusterStore,
    name: string,
    phase: string,
    timeoutMs = 20_000,
  ) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const record = await store.get(name);
      if (record?.phase === phase) return record;
      await Promise.all(orchestrators.map(o => o.reconcileAll()));
      await new Promise(r => setTimeout(r, 50));
    }
    const record = await store.get(name);
    throw new Error(
      `${name} is ${record?.phase} (${record?.message ?? ''}), not ${phase}`,
    );
  }

  const clusterAdds = (name: string) =>
    [
      ...sim!.store.scan(
        sim!.registry
          .all()
          .find(t => t.kind === 'Cluster' && t.group === 'cluster.x-k8s.io')!,
      ),
    ].filter(o => o.metadata.name === name);

  it('converges after a crash half-way through applying, creating nothing twice', async () => {
    await startSim();
    const { store, start } = await setup();
    // Instance A dies after three applies, holding its lease.
    const a = await start('instance-a', 3);
    const created = await a.service.create(
      devRequest('crash'),
      'user:default/alice',
    );
    await new Promise(r => setTimeout(r, 200));
    expect((await store.get('crash'))!.appliedGeneration).toBe(0);
    await a.orchestrator.stop();

    // Instance B takes over once A's lease has expired.
    const b = await start('instance-b');
    const running = await converge([b.orchestrator], store, 'crash', 'Running');
    expect(running.id).toBe(created.id);
    expect(running.appliedGeneration).toBe(running.generation);
    expect(clusterAdds('crash')).toHaveLength(1);
    const events = await store.listEvents(created.id);
    expect(events.filter(e => e.type === 'action')).toHaveLength(1);
  });

  it('accepts requests while the management cluster is down and converges when it returns', async () => {
    await startSim();
    const { store, start } = await setup();
    const { orchestrator, service } = await start('only');
    await sim!.stop();
    sim = undefined;

    await service.create(devRequest('waiting'), 'user:default/alice');
    await orchestrator.reconcileAll();
    let record = (await store.get('waiting'))!;
    expect(record.phase).toBe('Requested');
    expect(record.reconcileError).toMatch(/unreachable/);
    await orchestrator.status.update('waiting');
    record = (await store.get('waiting'))!;
    expect(record.message).toMatch(/management cluster "m"/);

    await startSim();
    record = await converge(
      [orchestrator],
      store,
      'waiting',
      'Running',
      40_000,
    );
    expect(record.reconcileError).toBeUndefined();
    expect(clusterAdds('waiting')).toHaveLength(1);
  });

  it('lets two instances share the fleet without ever working on one cluster at once', async () => {
    await startSim();
    const { store, start } = await setup();
    const a = await start('instance-a');
    const b = await start('instance-b');
    InstrumentedClient.maxInFlight = 0;
    const names = ['one', 'two', 'three', 'four'];
    for (const [i, name] of names.entries()) {
      await (i % 2 ? a : b).service.create(
        devRequest(name),
        'user:default/alice',
      );
    }
    for (let round = 0; round < 3; round++) {
      await Promise.all([
        a.orchestrator.reconcileAll(),
        b.orchestrator.reconcileAll(),
      ]);
    }
    for (const name of names) {
      await converge([a.orchestrator, b.orchestrator], store, name, 'Running');
      expect(clusterAdds(name)).toHaveLength(1);
    }
    expect(InstrumentedClient.maxInFlight).toBe(1);
  });

  it('reports drift with the differing fields and restores the desired state unless paused', async () => {
    await startSim();
    const { store, start } = await setup();
    const { orchestrator, service } = await start('only');
    await service.create(devRequest('drifty'), 'user:default/alice');
    await converge([orchestrator], store, 'drifty', 'Running');
    const proxyType = sim!.registry
      .all()
      .find(t => t.kind === 'HelmChartProxy')!;
    const proxy = [...sim!.store.scan(proxyType)].find(
      o => o.metadata.labels?.['palette.io/cluster'] === 'drifty',
    )!;
    const edit = (version: string) => {
      const live = sim!.store.get(
        proxyType,
        proxy.metadata.namespace!,
        proxy.metadata.name,
      );
      (live as any).spec.version = version;
      sim!.store.update(proxyType, live);
    };
    const desiredVersion = (proxy as any).spec.version;

    edit('0.0.1');
    await orchestrator.reconcileAll();
    const restored = sim!.store.get(
      proxyType,
      proxy.metadata.namespace!,
      proxy.metadata.name,
    );
    expect((restored as any).spec.version).toBe(desiredVersion);
    const record = (await store.get('drifty'))!;
    const events = await store.listEvents(record.id);
    expect(events[0]).toMatchObject({ type: 'drift', reason: 'DriftRestored' });
    expect(events[0].message).toContain(
      `HelmChartProxy/${proxy.metadata.name} spec.version`,
    );

    await service.setPaused('drifty', true, 'user:default/alice');
    await orchestrator.idle();
    edit('0.0.2');
    await orchestrator.reconcileAll();
    const paused = (await store.get('drifty'))!;
    expect(paused.drifted).toBe(true);
    expect(paused.drift).toEqual([
      {
        object: `HelmChartProxy/${proxy.metadata.name}`,
        path: 'spec.version',
        desired: desiredVersion,
        live: '0.0.2',
      },
    ]);
    const live = sim!.store.get(
      proxyType,
      proxy.metadata.namespace!,
      proxy.metadata.name,
    );
    expect((live as any).spec.version).toBe('0.0.2');
    const cluster = clusterAdds('drifty')[0] as any;
    expect(cluster.spec.paused).toBe(true);
  });

  it('fails a cluster that is not available within the provisioning timeout', async () => {
    // No controllers: nothing ever becomes available.
    await startSim(false);
    const { store, start } = await setup();
    SETTINGS.provisioningTimeoutMs = 500;
    try {
      const { orchestrator, service } = await start('only');
      const created = await service.create(
        devRequest('stuck'),
        'user:default/alice',
      );
      await orchestrator.idle();
      expect((await store.get('stuck'))!.phase).toBe('Provisioning');
      const failed = await converge([orchestrator], store, 'stuck', 'Failed');
      expect(failed.message).toMatch(/timeout|within|did not/i);
      const events = await store.listEvents(created.id);
      expect(events[0]).toMatchObject({ type: 'phase', phase: 'Failed' });
    } finally {
      SETTINGS.provisioningTimeoutMs = 60_000;
    }
  });
});
