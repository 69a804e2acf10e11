// The embedded management cluster with a fleet of 10,000 Clusters, driven
// through @kubernetes/client-node over HTTP as the product drives it:
// list and get latency, watch latency and throughput, memory.
require('@backstage/cli/config/nodeTransform.cjs');
const k8s = require('@kubernetes/client-node');
const { startSimulator } = require('../packages/capi-simulator/src');
const { timeIt, summarize, report, memoryPeaks } = require('./stats.cjs');

const FLEET = Number(process.env.BENCH_FLEET ?? 10_000);
const TEAMS = 10;
const GROUP = 'cluster.x-k8s.io';
const VERSION = 'v1beta2';

function cluster(i) {
  return {
    apiVersion: `${GROUP}/${VERSION}`,
    kind: 'Cluster',
    metadata: {
      name: `bench-${String(i).padStart(5, '0')}`,
      namespace: 'default',
      labels: {
        'palette.io/team': `team-${i % TEAMS}`,
        'palette.io/environment': i % 3 ? 'dev' : 'production',
      },
    },
    spec: {
      topology: {
        classRef: { name: 'dev' },
        version: 'v1.33.4',
        controlPlane: { replicas: 1 },
      },
    },
  };
}

async function inBatches(count, concurrency, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await fn(next++);
    }),
  );
}

async function main() {
  const peaks = memoryPeaks();
  // API server figures first, without controllers changing the objects.
  const sim = await startSimulator({ controllers: false });
  const kc = new k8s.KubeConfig();
  kc.loadFromString(sim.kubeconfig());
  const objects = k8s.KubernetesObjectApi.makeApiClient(kc);
  const custom = kc.makeApiClient(k8s.CustomObjectsApi);
  const list = opts =>
    custom.listNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: 'default',
      plural: 'clusters',
      ...opts,
    });

  const created = Date.now();
  await inBatches(FLEET, 16, i => objects.create(cluster(i)));
  const createSeconds = (Date.now() - created) / 1000;
  report(
    'simulator.create',
    'objects/s',
    { value: Math.round(FLEET / createSeconds) },
    { fleet: FLEET },
  );

  report(
    'simulator.list.page500',
    'ms',
    await timeIt(50, () => list({ limit: 500 })),
    { fleet: FLEET },
  );
  report(
    'simulator.list.labelSelector',
    'ms',
    await timeIt(50, i =>
      list({ labelSelector: `palette.io/team=team-${i % TEAMS}`, limit: 500 }),
    ),
    { fleet: FLEET },
  );
  report(
    'simulator.list.allPages',
    'ms',
    await timeIt(5, async () => {
      let token;
      do {
        const page = await list({ limit: 500, _continue: token });
        token = page.metadata?.continue;
      } while (token);
    }),
    { fleet: FLEET },
  );
  report(
    'simulator.get',
    'ms',
    await timeIt(500, i => objects.read(cluster((i * 7919) % FLEET))),
    { fleet: FLEET },
  );

  // Watch: from a status write in the simulator to the event at a client-node watch.
  const pending = new Map();
  const latencies = [];
  let received = 0;
  const watch = new k8s.Watch(kc);
  const type = sim.registry.find(GROUP, VERSION, 'clusters');
  const request = await watch.watch(
    `/apis/${GROUP}/${VERSION}/namespaces/default/clusters`,
    { resourceVersion: String(sim.store.currentRevision) },
    (_phase, obj) => {
      received++;
      const started = pending.get(
        obj.metadata.name + obj.metadata.resourceVersion,
      );
      if (started)
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    },
    () => {},
  );
  for (let i = 0; i < 200; i++) {
    const obj = sim.store.get(type, 'default', cluster(i).metadata.name);
    // The write gets the next revision: start the clock before writing.
    pending.set(
      obj.metadata.name + String(sim.store.currentRevision + 1),
      process.hrtime.bigint(),
    );
    sim.store.update(
      type,
      { ...obj, status: { phase: 'Provisioning', observedGeneration: i } },
      { subresource: 'status' },
    );
    await new Promise(r => setTimeout(r, 2));
  }
  await new Promise(r => setTimeout(r, 200));
  report('simulator.watch.latency', 'ms', summarize(latencies), {
    fleet: FLEET,
  });

  const before = received;
  const burstStarted = process.hrtime.bigint();
  const BURST = FLEET;
  for (let i = 0; i < BURST; i++) {
    const obj = sim.store.get(type, 'default', cluster(i).metadata.name);
    sim.store.update(
      type,
      { ...obj, status: { phase: 'Provisioned', observedGeneration: i } },
      { subresource: 'status' },
    );
  }
  while (received - before < BURST) await new Promise(r => setTimeout(r, 5));
  const burstSeconds = Number(process.hrtime.bigint() - burstStarted) / 1e9;
  report(
    'simulator.watch.throughput',
    'events/s',
    { value: Math.round(BURST / burstSeconds) },
    { events: BURST },
  );
  request.abort();

  report('simulator.memory', 'MiB', peaks(), {
    fleet: FLEET,
    objects: sim.store.size,
  });
  await sim.stop();
}

/** 10,000 topology clusters through the simulated controllers to Available. */
async function controllers() {
  const peaks = memoryPeaks();
  const sim = await startSimulator({ timing: 'instant' });
  const kc = new k8s.KubeConfig();
  kc.loadFromString(sim.kubeconfig());
  const objects = k8s.KubernetesObjectApi.makeApiClient(kc);
  const tref = (apiVersion, kind, name) => ({
    templateRef: { apiVersion, kind, name },
  });
  await objects.create({
    apiVersion: `${GROUP}/${VERSION}`,
    kind: 'ClusterClass',
    metadata: { name: 'dev', namespace: 'default' },
    spec: {
      infrastructure: tref(
        'infrastructure.cluster.x-k8s.io/v1beta2',
        'DevClusterTemplate',
        'dev',
      ),
      controlPlane: tref(
        'controlplane.cluster.x-k8s.io/v1beta2',
        'KubeadmControlPlaneTemplate',
        'dev-cp',
      ),
      workers: {
        machineDeployments: [
          {
            class: 'default-worker',
            infrastructure: tref(
              'infrastructure.cluster.x-k8s.io/v1beta2',
              'DevMachineTemplate',
              'w',
            ),
          },
        ],
      },
    },
  });
  const started = Date.now();
  await inBatches(FLEET, 16, i => {
    const c = cluster(i);
    c.spec.topology.workers = {
      machineDeployments: [
        { class: 'default-worker', name: 'md-0', replicas: 2 },
      ],
    };
    return objects.create(c);
  });
  const type = sim.registry.find(GROUP, VERSION, 'clusters');
  const available = () => {
    let n = 0;
    for (const c of sim.store.scan(type)) {
      if (
        c.status?.conditions?.some(
          x => x.type === 'Available' && x.status === 'True',
        )
      )
        n++;
    }
    return n;
  };
  while (available() < FLEET) await new Promise(r => setTimeout(r, 250));
  const seconds = (Date.now() - started) / 1000;
  report(
    'simulator.controllers.fleetAvailable',
    's',
    { value: Math.round(seconds * 10) / 10 },
    { fleet: FLEET, objects: sim.store.size },
  );
  report('simulator.controllers.memory', 'MiB', peaks(), {
    fleet: FLEET,
    objects: sim.store.size,
  });
  await sim.stop();
}

main()
  .then(controllers)
  .catch(error => {
    console.error(error);
    process.exit(1);
  });
