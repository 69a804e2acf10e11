import { ResourceRegistry } from '../api/ResourceRegistry';
import { ObjectStore } from '../store/ObjectStore';
import { KubeObject } from '../store/types';
import { StatusError } from '../server/StatusError';

type Json = Record<string, any>;

/** The token in a simulated cluster's kubeconfig Secret. */
export const workloadToken = (clusterName: string) =>
  `${clusterName}-admin-token`;

/**
 * The API server of a simulated workload cluster, served under
 * `/workload/{namespace}/{cluster}`: version, namespaces and nodes, derived
 * from what the management cluster observes (the control plane's version
 * and the ready replicas of the control plane and worker pools). It answers
 * only once the control plane is initialized, as a real one would.
 */
export class WorkloadApi {
  constructor(
    private readonly store: ObjectStore,
    private readonly registry: ResourceRegistry,
  ) {}

  handle(path: string[], authorization: string | undefined): unknown {
    const [namespace, name, ...rest] = path;
    const cluster = this.cluster(namespace, name);
    if (authorization !== `Bearer ${workloadToken(name)}`)
      throw StatusError.unauthorized();
    const controlPlane = this.controlPlane(cluster);
    const version = String(
      controlPlane?.status?.version ??
        (cluster.spec as Json)?.topology?.version ??
        'v0.0.0',
    );
    const route = rest.join('/');
    switch (route) {
      case 'version':
        return {
          major: version.replace(/^v/, '').split('.')[0],
          minor: version.split('.')[1],
          gitVersion: version,
          platform: 'linux/amd64',
        };
      case 'api':
        return { kind: 'APIVersions', versions: ['v1'] };
      case 'apis':
        return { kind: 'APIGroupList', apiVersion: 'v1', groups: [] };
      case 'api/v1':
        return {
          kind: 'APIResourceList',
          groupVersion: 'v1',
          resources: [
            {
              name: 'namespaces',
              namespaced: false,
              kind: 'Namespace',
              verbs: ['get', 'list'],
            },
            {
              name: 'nodes',
              namespaced: false,
              kind: 'Node',
              verbs: ['get', 'list'],
            },
          ],
        };
      case 'api/v1/namespaces':
        return list(
          'NamespaceList',
          ['default', 'kube-system', 'kube-public', 'kube-node-lease'].map(
            n => ({
              apiVersion: 'v1',
              kind: 'Namespace',
              metadata: { name: n },
              status: { phase: 'Active' },
            }),
          ),
        );
      case 'api/v1/nodes':
        return list('NodeList', this.nodes(cluster, controlPlane, version));
      default:
        throw new StatusError(
          404,
          'NotFound',
          'the server could not find the requested resource',
        );
    }
  }

  private cluster(
    namespace: string | undefined,
    name: string | undefined,
  ): KubeObject {
    const type = this.registry.findKind('cluster.x-k8s.io', 'Cluster');
    const cluster =
      type && namespace && name
        ? this.store.tryGet(type, namespace, name)
        : undefined;
    if (!cluster)
      throw new StatusError(
        404,
        'NotFound',
        `no workload cluster ${namespace}/${name}`,
      );
    const initialized = (cluster.status as Json)?.initialization
      ?.controlPlaneInitialized;
    if (!initialized)
      throw new StatusError(
        503,
        'ServiceUnavailable',
        `the API server of ${name} is not up yet`,
      );
    return cluster;
  }

  private controlPlane(cluster: KubeObject): Json | undefined {
    const ref = (cluster.spec as Json)?.controlPlaneRef;
    const type = ref && this.registry.findKind(ref.apiGroup, ref.kind);
    return type
      ? this.store.tryGet(type, cluster.metadata.namespace, ref.name)
      : undefined;
  }

  private nodes(
    cluster: KubeObject,
    controlPlane: Json | undefined,
    version: string,
  ): Json[] {
    const name = cluster.metadata.name;
    const node = (nodeName: string, role: string, pool?: string) => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: nodeName,
        labels: {
          'kubernetes.io/hostname': nodeName,
          [`node-role.kubernetes.io/${role}`]: '',
          ...(pool ? { 'cluster.x-k8s.io/deployment-name': pool } : {}),
        },
      },
      status: {
        nodeInfo: {
          kubeletVersion: version,
          osImage: 'Ubuntu 24.04.1 LTS',
          containerRuntimeVersion: 'containerd://2.0.5',
        },
        capacity: { cpu: '4', memory: '16Gi' },
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
      },
    });
    const nodes = Array.from(
      { length: Number(controlPlane?.status?.readyReplicas ?? 0) },
      (_, i) => node(`${name}-control-plane-${i}`, 'control-plane'),
    );
    const mdType = this.registry.findKind(
      'cluster.x-k8s.io',
      'MachineDeployment',
    );
    if (mdType) {
      const pools = this.store.list(mdType, {
        namespace: cluster.metadata.namespace,
        labelSelector: `cluster.x-k8s.io/cluster-name=${name}`,
      }).items;
      for (const pool of pools) {
        const ready = Number((pool.status as Json)?.readyReplicas ?? 0);
        for (let i = 0; i < ready; i++)
          nodes.push(
            node(`${pool.metadata.name}-${i}`, 'worker', pool.metadata.name),
          );
      }
    }
    return nodes;
  }
}

function list(kind: string, items: Json[]) {
  return { kind, apiVersion: 'v1', metadata: { resourceVersion: '1' }, items };
}
