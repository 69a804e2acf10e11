import fs from 'node:fs';
import path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import {
  RunningSimulator,
  SimulatorOptions,
  startSimulator,
} from '@palette-backstage/capi-simulator';
import {
  PALETTE_FIELD_MANAGER,
  PALETTE_LABELS,
  PALETTE_MANAGED_BY,
} from '@palette-backstage/plugin-palette-common';

// Test helpers: a simulated management cluster, and the objects the product
// applies to it.

export const NAMESPACE = 'default';

/**
 * The real Cluster API CRDs (`../shared/capi-crds` beside the repository, or
 * `PALETTE_CAPI_CRDS_DIR`), so that the simulator validates what the tests
 * write as a real API server would; without them it serves the same kinds
 * without schemas.
 */
function capiCrdsDir(): string | undefined {
  const dir =
    process.env.PALETTE_CAPI_CRDS_DIR ??
    path.resolve(__dirname, '../../../../../../shared/capi-crds');
  return fs.existsSync(dir) ? dir : undefined;
}

export interface TestManagementCluster {
  simulator: RunningSimulator;
  kubeConfig: k8s.KubeConfig;
}

export async function startManagementCluster(
  options: SimulatorOptions = {},
): Promise<TestManagementCluster> {
  const simulator = await startSimulator({
    crdsDir: capiCrdsDir(),
    timing: 'instant',
    ...options,
  });
  const kubeConfig = new k8s.KubeConfig();
  kubeConfig.loadFromString(simulator.kubeconfig());
  return { simulator, kubeConfig };
}

const CORE = 'cluster.x-k8s.io/v1beta2';
const INFRA = 'infrastructure.cluster.x-k8s.io/v1beta2';
const CONTROL_PLANE = 'controlplane.cluster.x-k8s.io/v1beta2';
const BOOTSTRAP = 'bootstrap.cluster.x-k8s.io/v1beta2';
const templateRef = (apiVersion: string, kind: string, name: string) => ({
  templateRef: { apiVersion, kind, name },
});

/**
 * ClusterClasses as the product renders them (v1beta2 templateRefs): dev
 * (CAPD, kubeadm control plane, MachineDeployments) and eks (a managed
 * control plane, MachinePools).
 */
const CLASSES = {
  dev: {
    infrastructure: templateRef(INFRA, 'DevClusterTemplate', 'dev-cluster'),
    controlPlane: {
      ...templateRef(CONTROL_PLANE, 'KubeadmControlPlaneTemplate', 'dev-cp'),
      machineInfrastructure: templateRef(INFRA, 'DevMachineTemplate', 'dev-cp'),
    },
    workers: {
      machineDeployments: [
        {
          class: 'default-worker',
          bootstrap: templateRef(
            BOOTSTRAP,
            'KubeadmConfigTemplate',
            'dev-worker',
          ),
          infrastructure: templateRef(
            INFRA,
            'DevMachineTemplate',
            'dev-worker',
          ),
        },
      ],
    },
  },
  eks: {
    infrastructure: templateRef(INFRA, 'AWSManagedClusterTemplate', 'eks'),
    controlPlane: templateRef(
      CONTROL_PLANE,
      'AWSManagedControlPlaneTemplate',
      'eks',
    ),
    workers: {
      machinePools: [
        {
          class: 'default-pool',
          bootstrap: templateRef(BOOTSTRAP, 'EKSConfigTemplate', 'eks'),
          infrastructure: templateRef(
            INFRA,
            'AWSManagedMachinePoolTemplate',
            'eks',
          ),
        },
      ],
    },
  },
};

export type ClassName = keyof typeof CLASSES;

export function clusterClass(name: ClassName): k8s.KubernetesObject {
  return {
    apiVersion: CORE,
    kind: 'ClusterClass',
    metadata: { name, namespace: NAMESPACE },
    spec: structuredClone(CLASSES[name]),
  } as k8s.KubernetesObject;
}

/** What a test cluster asks for. */
export interface TestClusterSpec {
  className?: ClassName;
  version: string;
  /** Control plane machines (kubeadm only). */
  controlPlaneReplicas?: number;
  /** Node count per pool, by topology name. */
  workers: Record<string, number>;
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
}

/**
 * A topology Cluster, labelled as the product labels what it manages; its
 * pools are MachineDeployments on dev, MachinePools on eks.
 */
export function paletteCluster(
  name: string,
  spec: TestClusterSpec,
): k8s.KubernetesObject {
  const className = spec.className ?? 'dev';
  const pools = Object.entries(spec.workers).map(([pool, replicas]) => ({
    class: className === 'dev' ? 'default-worker' : 'default-pool',
    name: pool,
    replicas,
  }));
  return {
    apiVersion: CORE,
    kind: 'Cluster',
    metadata: {
      name,
      namespace: NAMESPACE,
      labels: {
        [PALETTE_LABELS.managedBy]: PALETTE_MANAGED_BY,
        [PALETTE_LABELS.cluster]: name,
        ...spec.labels,
      },
      ...(spec.annotations ? { annotations: spec.annotations } : {}),
    },
    spec: {
      clusterNetwork: {
        pods: { cidrBlocks: ['192.168.0.0/16'] },
        services: { cidrBlocks: ['10.128.0.0/12'] },
      },
      topology: {
        classRef: { name: className },
        version: spec.version,
        ...(spec.controlPlaneReplicas !== undefined
          ? { controlPlane: { replicas: spec.controlPlaneReplicas } }
          : {}),
        workers:
          className === 'dev'
            ? { machineDeployments: pools }
            : { machinePools: pools },
      },
    },
  } as k8s.KubernetesObject;
}

/** Server-side apply under the product's field manager, as the orchestrator writes. */
export async function apply(
  kubeConfig: k8s.KubeConfig,
  obj: k8s.KubernetesObject,
): Promise<k8s.KubernetesObject> {
  return k8s.KubernetesObjectApi.makeApiClient(kubeConfig).patch(
    obj,
    undefined,
    undefined,
    PALETTE_FIELD_MANAGER,
    true,
    k8s.PatchStrategy.ServerSideApply,
  );
}

/** Deletes the Cluster only: Cluster API tears down the rest. */
export async function deleteCluster(
  kubeConfig: k8s.KubeConfig,
  name: string,
): Promise<void> {
  await kubeConfig
    .makeApiClient(k8s.CustomObjectsApi)
    .deleteNamespacedCustomObject({
      group: 'cluster.x-k8s.io',
      version: 'v1beta2',
      namespace: NAMESPACE,
      plural: 'clusters',
      name,
    });
}
