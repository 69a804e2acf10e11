import { ResourceRegistry, compareKubeVersions } from '../api/ResourceRegistry';
import {
  builtinResourceTypes,
  defaultCustomResourceTypes,
} from '../api/resourceTypes';
import { LoadedCrds } from '../crds';
import { ObjectStore } from '../store/ObjectStore';
import { KubeObject, WatchEvent } from '../store/types';
import { Condition } from './conditions';
import {
  RunningControllers,
  SimulatorTiming,
  TIMING_PRESETS,
  startControllers,
} from './startControllers';

// Test helpers (not exported from the package).

export const NS = 'default';
export const workloadUrl = (ns: string, name: string) =>
  `https://127.0.0.1:16443/workload/${ns}/${name}`;

export interface Sim {
  store: ObjectStore;
  registry: ResourceRegistry;
  controllers: RunningControllers;
  events: WatchEvent[];
  logs: string[];
  idle(): Promise<void>;
  get(kind: string, name: string, ns?: string): KubeObject | undefined;
  must(kind: string, name: string, ns?: string): any;
  create(obj: KubeObject): KubeObject;
  /** Reads, changes and writes an object (retrying on conflict). */
  patch(kind: string, name: string, change: (obj: any) => void): KubeObject;
  remove(kind: string, name: string): void;
  list(kind: string): any[];
  stop(): Promise<void>;
}

export function startSim(
  timing: SimulatorTiming = TIMING_PRESETS.instant,
  crds?: LoadedCrds,
): Sim {
  // With CRDs: every served version of them, as the simulator registers them.
  const defined = new Set(crds?.types.map(t => `${t.group}/${t.kind}`));
  const registry = new ResourceRegistry([
    ...builtinResourceTypes,
    ...(crds?.types ?? []),
    ...defaultCustomResourceTypes.filter(
      t => !defined.has(`${t.group}/${t.kind}`),
    ),
  ]);
  const store = new ObjectStore();
  store.typeResolver = typeKey =>
    registry.all().find(t => `${t.group}/${t.plural}` === typeKey);
  const events: WatchEvent[] = [];
  const unwatch = store.watch(store.currentRevision, e => events.push(e));
  const logs: string[] = [];
  const controllers = startControllers({
    store,
    registry,
    timing,
    workloadServerUrl: workloadUrl,
    logger: msg => logs.push(msg),
  });
  const typeOf = (kind: string) => {
    const t = registry
      .all()
      .filter(r => r.kind === kind)
      .sort((a, b) => compareKubeVersions(a.version, b.version))[0];
    if (!t) throw new Error(`no kind ${kind}`);
    return t;
  };
  const sim: Sim = {
    store,
    registry,
    controllers,
    events,
    logs,
    idle: () => controllers.idle(),
    get: (kind, name, ns = NS) => store.tryGet(typeOf(kind), ns, name),
    must: (kind, name, ns = NS) => {
      const obj = store.tryGet(typeOf(kind), ns, name);
      if (!obj) throw new Error(`${kind} ${ns}/${name} does not exist`);
      return obj;
    },
    create: obj => store.create(typeOf(obj.kind), obj),
    patch: (kind, name, change) => {
      const obj = store.get(typeOf(kind), NS, name);
      change(obj);
      return store.update(typeOf(kind), obj);
    },
    remove: (kind, name) => {
      store.delete(typeOf(kind), NS, name);
    },
    list: kind => [...store.scan(typeOf(kind))].map(o => structuredClone(o)),
    stop: async () => {
      unwatch();
      await controllers.stop();
    },
  };
  return sim;
}

export const condition = (obj: any, type: string): Condition | undefined =>
  (obj?.status?.conditions as Condition[] | undefined)?.find(
    c => c.type === type,
  );

export const conditionStatus = (obj: any, type: string) =>
  condition(obj, type)?.status;

/**
 * The v1beta2 definition of a ready Cluster: Available and TopologyReconciled
 * True, observedGeneration current, and all replica counters up to date.
 */
export function isReady(cluster: any): boolean {
  const s = cluster?.status ?? {};
  const upToDate = (c: any) =>
    !c ||
    [
      c.replicas,
      c.readyReplicas,
      c.availableReplicas,
      c.upToDateReplicas,
    ].every(n => n === c.desiredReplicas);
  return (
    conditionStatus(cluster, 'Available') === 'True' &&
    (!cluster.spec?.topology ||
      conditionStatus(cluster, 'TopologyReconciled') === 'True') &&
    s.observedGeneration === cluster.metadata.generation &&
    upToDate(s.controlPlane) &&
    upToDate(s.workers)
  );
}

const tref = (apiVersion: string, kind: string, name: string) => ({
  templateRef: { apiVersion, kind, name },
});

const CP = 'controlplane.cluster.x-k8s.io/v1beta2';
const BOOT = 'bootstrap.cluster.x-k8s.io/v1beta2';
const INFRA2 = 'infrastructure.cluster.x-k8s.io/v1beta2';
const INFRA1 = 'infrastructure.cluster.x-k8s.io/v1beta1';

/** ClusterClasses of the providers, as the product renders them (v1beta2 templateRefs). */
export const CLASSES: Record<string, any> = {
  dev: {
    infrastructure: tref(INFRA2, 'DevClusterTemplate', 'dev-cluster'),
    controlPlane: {
      ...tref(CP, 'KubeadmControlPlaneTemplate', 'dev-cp'),
      machineInfrastructure: tref(INFRA2, 'DevMachineTemplate', 'dev-cp'),
    },
    workers: {
      machineDeployments: [
        {
          class: 'default-worker',
          bootstrap: tref(BOOT, 'KubeadmConfigTemplate', 'dev-worker'),
          infrastructure: tref(INFRA2, 'DevMachineTemplate', 'dev-worker'),
        },
      ],
    },
  },
  aws: {
    infrastructure: tref(INFRA2, 'AWSClusterTemplate', 'aws-cluster'),
    controlPlane: {
      ...tref(CP, 'KubeadmControlPlaneTemplate', 'aws-cp'),
      machineInfrastructure: tref(INFRA2, 'AWSMachineTemplate', 'aws-cp'),
    },
    workers: {
      machineDeployments: [
        {
          class: 'default-worker',
          bootstrap: tref(BOOT, 'KubeadmConfigTemplate', 'aws-worker'),
          infrastructure: tref(INFRA2, 'AWSMachineTemplate', 'aws-worker'),
        },
      ],
    },
  },
  eks: {
    infrastructure: tref(INFRA2, 'AWSManagedClusterTemplate', 'eks'),
    controlPlane: tref(CP, 'AWSManagedControlPlaneTemplate', 'eks'),
    workers: {
      machinePools: [
        {
          class: 'default-pool',
          bootstrap: tref(BOOT, 'EKSConfigTemplate', 'eks'),
          infrastructure: tref(INFRA2, 'AWSManagedMachinePoolTemplate', 'eks'),
        },
      ],
    },
  },
  gke: {
    infrastructure: tref(INFRA1, 'GCPManagedClusterTemplate', 'gke'),
    controlPlane: tref(INFRA1, 'GCPManagedControlPlaneTemplate', 'gke'),
    workers: {
      machinePools: [
        {
          class: 'default-pool',
          bootstrap: tref(
            'bootstrap.cluster.x-k8s.io/v1beta1',
            'GKEConfigTemplate',
            'gke',
          ),
          infrastructure: tref(INFRA1, 'GCPManagedMachinePoolTemplate', 'gke'),
        },
      ],
    },
  },
  aks: {
    infrastructure: tref(INFRA1, 'AzureASOManagedClusterTemplate', 'aks'),
    controlPlane: tref(INFRA1, 'AzureASOManagedControlPlaneTemplate', 'aks'),
    workers: {
      machinePools: [
        {
          class: 'default-pool',
          bootstrap: tref(BOOT, 'KubeadmConfigTemplate', 'aks'),
          infrastructure: tref(
            INFRA1,
            'AzureASOManagedMachinePoolTemplate',
            'aks',
          ),
        },
      ],
    },
  },
  vsphere: {
    infrastructure: tref(INFRA2, 'VSphereClusterTemplate', 'vsphere'),
    controlPlane: {
      ...tref(CP, 'KubeadmControlPlaneTemplate', 'vsphere-cp'),
      machineInfrastructure: tref(
        INFRA2,
        'VSphereMachineTemplate',
        'vsphere-cp',
      ),
    },
    workers: {
      machineDeployments: [
        {
          class: 'default-worker',
          bootstrap: tref(BOOT, 'KubeadmConfigTemplate', 'vsphere-worker'),
          infrastructure: tref(
            INFRA2,
            'VSphereMachineTemplate',
            'vsphere-worker',
          ),
        },
      ],
    },
  },
  openstack: {
    infrastructure: tref(INFRA1, 'OpenStackClusterTemplate', 'openstack'),
    controlPlane: {
      ...tref(CP, 'KubeadmControlPlaneTemplate', 'openstack-cp'),
      machineInfrastructure: tref(
        INFRA1,
        'OpenStackMachineTemplate',
        'openstack',
      ),
    },
    workers: {
      machineDeployments: [
        {
          class: 'default-worker',
          bootstrap: tref(BOOT, 'KubeadmConfigTemplate', 'openstack'),
          infrastructure: tref(INFRA1, 'OpenStackMachineTemplate', 'openstack'),
        },
      ],
    },
  },
  maas: {
    infrastructure: tref(INFRA1, 'MaasClusterTemplate', 'maas'),
    controlPlane: {
      ...tref(CP, 'KubeadmControlPlaneTemplate', 'maas-cp'),
      machineInfrastructure: tref(INFRA1, 'MaasMachineTemplate', 'maas'),
    },
    workers: {
      machineDeployments: [
        {
          class: 'default-worker',
          bootstrap: tref(BOOT, 'KubeadmConfigTemplate', 'maas'),
          infrastructure: tref(INFRA1, 'MaasMachineTemplate', 'maas'),
        },
      ],
    },
  },
};

export function clusterClass(name: string, provider = name): KubeObject {
  return {
    apiVersion: 'cluster.x-k8s.io/v1beta2',
    kind: 'ClusterClass',
    metadata: { name, namespace: NS },
    spec: structuredClone(CLASSES[provider]),
  };
}

export interface TopologyOptions {
  version?: string;
  controlPlaneReplicas?: number;
  machineDeployments?: Array<{
    class?: string;
    name: string;
    replicas: number;
  }>;
  machinePools?: Array<{ class?: string; name: string; replicas: number }>;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  paused?: boolean;
}

export function topologyCluster(
  name: string,
  className: string,
  o: TopologyOptions = {},
): KubeObject {
  const workers: any = {};
  if (o.machineDeployments)
    workers.machineDeployments = o.machineDeployments.map(md => ({
      class: 'default-worker',
      ...md,
    }));
  if (o.machinePools)
    workers.machinePools = o.machinePools.map(mp => ({
      class: 'default-pool',
      ...mp,
    }));
  return {
    apiVersion: 'cluster.x-k8s.io/v1beta2',
    kind: 'Cluster',
    metadata: {
      name,
      namespace: NS,
      labels: o.labels,
      annotations: o.annotations,
    },
    spec: {
      ...(o.paused ? { paused: true } : {}),
      clusterNetwork: {
        pods: { cidrBlocks: ['192.168.0.0/16'] },
        services: { cidrBlocks: ['10.128.0.0/12'] },
      },
      topology: {
        classRef: { name: className },
        version: o.version ?? 'v1.33.4',
        ...(o.controlPlaneReplicas !== undefined
          ? { controlPlane: { replicas: o.controlPlaneReplicas } }
          : {}),
        workers,
      },
    },
  };
}

/** The values of a field of one object over the recorded MODIFIED/ADDED events, without repeats. */
export function history(
  events: WatchEvent[],
  kind: string,
  name: string,
  read: (obj: any) => unknown,
  fromIndex = 0,
): Array<{ value: unknown; rv: number }> {
  const result: Array<{ value: unknown; rv: number }> = [];
  for (const e of events.slice(fromIndex)) {
    if (e.object.kind !== kind || e.object.metadata.name !== name) continue;
    if (e.type === 'DELETED') continue;
    const value = read(e.object);
    if (value === undefined) continue;
    if (result.length && result[result.length - 1].value === value) continue;
    result.push({ value, rv: e.resourceVersion });
  }
  return result;
}
