// The cluster lifecycle at fleet scale: 10,000 clusters in the database
// (SQLite, the embedded default; BENCH_DB=pg for PostgreSQL at
// 127.0.0.1:5432) and 10,000 Cluster objects in the embedded simulator,
// watched by the product's status watcher. Measures the fleet list API over
// HTTP, the time from a Cluster status change in the simulator to the API
// showing it, status events processed per second, and peak memory.
//
// What is real: the REST router, the cluster store, the informers, status
// derivation and its writes. What is not: the simulator runs without its
// controllers (the bench writes Cluster status itself, as a controller
// would), and the reconciler's applies go to a counting stub, so that the
// measurements are of the status path rather than of 150,000 applies.
require('@backstage/cli/config/nodeTransform.cjs');
const express = require('express');
const {
  mockCredentials,
  mockServices,
} = require('@backstage/backend-test-utils');
const { startSimulator } = require('../packages/capi-simulator/src');
const backend = '../plugins/palette-backend/src';
const { DatabaseClusterStore } = require(`${backend}/clusters/DatabaseClusterStore`);
const { ClusterService } = require(`${backend}/clusters/ClusterService`);
const {
  DatabaseGovernanceStore,
} = require(`${backend}/governance/DatabaseGovernanceStore`);
const { GovernanceService } = require(`${backend}/governance/GovernanceService`);
const { ManagementClusters } = require(`${backend}/management/ManagementClusters`);
const { ManagementClient } = require(`${backend}/orchestration/ManagementClient`);
const { Orchestrator } = require(`${backend}/orchestration/Orchestrator`);
const { HealthReporter } = require(`${backend}/health/HealthReporter`);
const { createRouter } = require(`${backend}/service/router`);
const { createCost } = require(`${backend}/fleet/cost`);
const { ConfigReader } = require('@backstage/config');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { summarize, report, memoryPeaks } = require('./stats.cjs');
const { openBenchProfiles, silent } = require('./database.cjs');

const FLEET = Number(process.env.BENCH_FLEET ?? 10_000);
const NAMESPACE = 'palette-clusters';
const TEAMS = ['team-apollo', 'team-zephyr', 'platform-team', 'team-orion'];
const ENVIRONMENTS = ['dev', 'staging', 'production'];

/** A client that counts reconciler calls instead of applying (see header). */
class CountingClient extends ManagementClient {
  calls = 0;
  async apply(object) {
    this.calls += 1;
    return object;
  }
  async read() {
    this.calls += 1;
    return undefined;
  }
  async delete() {
    this.calls += 1;
  }
  async ensureNamespace() {}
}

const nameOf = i => `fleet-${String(i).padStart(5, '0')}`;

function request(i) {
  return {
    name: nameOf(i),
    profile: { name: 'dev-full', version: '1.0.0' },
    addOnProfiles: [],
    variables: {},
    cloudAccount: 'local',
    region: 'local',
    controlPlane: { replicas: 1 },
    workerPools: [{ name: 'workers', instanceType: 'medium', count: 2 }],
    owner: `group:default/${TEAMS[i % TEAMS.length]}`,
    project: 'system:default/payments',
    environment: ENVIRONMENTS[i % ENVIRONMENTS.length],
  };
}

function clusterObject(i) {
  return {
    apiVersion: 'cluster.x-k8s.io/v1beta2',
    kind: 'Cluster',
    metadata: {
      name: nameOf(i),
      namespace: NAMESPACE,
      labels: {
        'app.kubernetes.io/managed-by': 'palette',
        'palette.io/cluster': nameOf(i),
      },
    },
    spec: { topology: { classRef: { name: nameOf(i) }, version: 'v1.34.4' } },
  };
}

/** A Cluster status as a controller would write it, with a marker condition. */
function withStatus(obj, reason) {
  obj.status = {
    observedGeneration: obj.metadata.generation,
    conditions: [
      {
        type: 'InfrastructureReady',
        status: 'False',
        reason,
        message: `bench marker ${reason}`,
        lastTransitionTime: new Date().toISOString(),
      },
    ],
  };
  return obj;
}

async function main() {
  const peaks = memoryPeaks();
  const { knex, engine, packs, profiles } = await openBenchProfiles();

  const sim = await startSimulator({ timing: 'instant', controllers: false });
  const clusterType = sim.registry
    .all()
    .find(t => t.kind === 'Cluster' && t.group === 'cluster.x-k8s.io');
  const store = new DatabaseClusterStore({ db: knex, auditLog: profiles.auditLog });

  // Population (not measured): through the store, then the objects.
  const populateStarted = Date.now();
  for (let i = 0; i < FLEET; i++) {
    const created = await store.create(
      {
        request: request(i),
        managementCluster: 'm',
        namespace: NAMESPACE,
        provider: 'dev',
        kubernetesVersion: 'v1.34.4',
        createdBy: 'user:default/bench',
        footprint: { nodes: 3, vcpus: 12, monthlyCost: 175.2 },
      },
      { action: 'cluster.create', reason: 'Requested', message: 'bench' },
    );
    await store.recordReconcile(created.id, {
      appliedGeneration: 1,
      inventory: [],
      reconcileError: null,
    });
    sim.store.create(clusterType, clusterObject(i));
  }
  const populateMs = Date.now() - populateStarted;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palette-bench-'));
  fs.writeFileSync(path.join(dir, 'kubeconfig'), sim.kubeconfig('m'));
  const { clusters } = await ManagementClusters.start(
    [{ name: 'm', type: 'kubeconfig', kubeconfigPath: path.join(dir, 'kubeconfig') }],
    silent,
  );
  const accounts = [{ name: 'local', cloudType: 'dev', settings: {}, regions: ['local'] }];
  let client;
  const settings = {
    namespace: NAMESPACE,
    provisioningTimeoutMs: 24 * 3600_000,
    updateTimeoutMs: 24 * 3600_000,
    forceDeleteAfterMs: 3600_000,
    reconcileIntervalMs: 3600_000,
    driftCheckIntervalMs: 3600_000,
    leaseMs: 60_000,
  };
  const syncStarted = Date.now();
  const orchestrator = await Orchestrator.start({
    store,
    profiles,
    packs,
    accounts,
    managementClusters: clusters,
    settings,
    logger: silent,
    onClusterChanged: () => {},
    clientFactory: (name, kubeConfig) => (client = new CountingClient(name, kubeConfig)),
  });
  // Initial sync: every cluster's status derived and stored once.
  while ((await store.list({ phase: ['Requested'], limit: 1 })).totalCount > 0) {
    await new Promise(r => setTimeout(r, 100));
  }
  await orchestrator.idle();
  const initialSyncMs = Date.now() - syncStarted;

  const governance = new GovernanceService(
    new DatabaseGovernanceStore({ db: knex, auditLog: profiles.auditLog }),
    { approvalExpiryMs: 3600_000 },
  );
  const service = new ClusterService({
    store,
    governance,
    profiles,
    packs,
    accounts,
    managementClusters: clusters,
    namespace: NAMESPACE,
    forceDeleteAfterMs: settings.forceDeleteAfterMs,
    onChanged: r => orchestrator.onRequested(r),
  });
  const allow = { getPermissionRuleset: () => ({ getRuleByName: () => undefined }) };
  const auditor = {
    createEvent: async () => ({ success: async () => {}, fail: async () => {} }),
  };
  const app = express();
  app.use(
    '/api/palette',
    await createRouter({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      permissionsRegistry: allow,
      auditor,
      health: new HealthReporter(knex, clusters),
      store: profiles,
      packs,
      auditLog: profiles.auditLog,
      onProfileChanged: async () => {},
      clustersUsingProfile: () => Promise.resolve([]),
      clusters: service,
      clusterStore: store,
      profileStore: profiles,
      cloudAccounts: accounts,
      userInfo: mockServices.userInfo(),
      governance,
      cost: createCost({
        db: knex,
        clusterStore: store,
        governanceStore: governance.store,
        config: new ConfigReader({}),
        logger: silent,
      }),
      resolveContext: {
        profiles,
        packs,
        accounts,
        managementClusters: clusters,
        namespace: NAMESPACE,
      },
      readKubeconfig: async () => undefined,
    }),
  );
  const server = await new Promise(resolve => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${server.address().port}/api/palette`;
  const headers = { authorization: `Bearer ${mockCredentials.user.token()}` };
  const getJson = async p => {
    const res = await fetch(`${base}${p}`, { headers });
    if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
    return res.json();
  };

  // 1. The fleet list API: pages of 50 with the fleet page's usual queries.
  const queries = [
    '/clusters?limit=50',
    '/clusters?limit=50&sort=createdAt&order=desc',
    '/clusters?limit=50&phase=Provisioning,Running&environment=production',
    '/clusters?limit=50&owner=group:default/team-zephyr&sort=updatedAt&order=desc',
    '/clusters?limit=50&search=fleet-09&provider=dev',
    `/clusters?limit=50&offset=${Math.floor(FLEET / 2)}`,
  ];
  const samples = [];
  for (let i = 0; i < 300; i++) {
    const started = process.hrtime.bigint();
    const page = await getJson(queries[i % queries.length]);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (i === 0 && page.totalCount !== FLEET) throw new Error(`expected ${FLEET} clusters, got ${page.totalCount}`);
  }
  report('fleet list API (GET /clusters, pages of 50)', 'ms', summarize(samples), {
    clusters: FLEET,
    database: engine,
  });

  // 2. Status change in the simulator → visible through the API.
  const latencies = [];
  for (let n = 0; n < 100; n++) {
    const i = (n * 97) % FLEET;
    const reason = `Marker${n}`;
    const live = sim.store.get(clusterType, NAMESPACE, nameOf(i));
    const started = process.hrtime.bigint();
    sim.store.update(clusterType, withStatus(live, reason), {
      subresource: 'status',
    });
    for (;;) {
      const detail = await getJson(`/clusters/${nameOf(i)}`);
      if (detail.conditions.some(c => c.reason === reason)) break;
      await new Promise(r => setTimeout(r, 2));
    }
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  report('status change in the simulator to the API', 'ms', summarize(latencies), {
    clusters: FLEET,
  });

  // 3. Throughput: a burst of status changes across the fleet.
  const BURST = Math.min(FLEET, 5000);
  const burstStarted = process.hrtime.bigint();
  for (let i = 0; i < BURST; i++) {
    const live = sim.store.get(clusterType, NAMESPACE, nameOf(i));
    sim.store.update(clusterType, withStatus(live, 'Burst'), {
      subresource: 'status',
    });
  }
  const burstDone = async () => {
    const rows = await knex('palette_clusters')
      .where('status', 'like', '%"reason":"Burst"%')
      .count({ count: '*' });
    return Number(rows[0].count) >= BURST;
  };
  while (!(await burstDone())) await new Promise(r => setTimeout(r, 20));
  const burstSeconds = Number(process.hrtime.bigint() - burstStarted) / 1e9;
  report('status events processed', 'events/s', {
    value: Math.round(BURST / burstSeconds),
    events: BURST,
    seconds: Math.round(burstSeconds * 100) / 100,
  });

  const memory = peaks();
  report('backend peak memory (backend, watch cache and simulator in one process)', 'MiB', memory, {
    clusters: FLEET,
    populateSeconds: Math.round(populateMs / 1000),
    initialSyncSeconds: Math.round(initialSyncMs / 100) / 10,
    reconcilerCalls: client?.calls ?? 0,
  });

  server.close();
  await orchestrator.stop();
  await sim.stop();
  await knex.destroy();
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
