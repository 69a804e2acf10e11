import { ResourceRegistry } from '../api/ResourceRegistry';
import { ObjectStore } from '../store/ObjectStore';
import { KubeObject } from '../store/types';
import { isDiscovery, parsePath } from '../server/routes';
import { StatusError } from '../server/StatusError';
import { ExistingClusters } from './existing/ExistingClusters';
import { buildWorkloadCluster } from './model/buildCluster';
import { describeCapiCluster } from './model/fromCapiCluster';
import { WorkloadCluster } from './model/types';
import { objectsOf } from './resources/catalog';
import { discovery } from './resources/discovery';
import { listOf } from './resources/list';

type Json = Record<string, any>;

/** The token in a simulated cluster's kubeconfig. */
export const workloadToken = (clusterName: string) =>
  `${clusterName}-admin-token`;

/** The path segment under `/workload/` that existing clusters are served at. */
export const EXISTING_PREFIX = 'existing';

/**
 * Thrown for a cluster whose API server is down: the HTTP layer drops the
 * connection without an answer, as an unreachable server would.
 */
export class WorkloadUnreachableError extends Error {}

const notFound = () =>
  new StatusError(
    404,
    'NotFound',
    'the server could not find the requested resource',
  );

/**
 * The read-only API servers of the simulated workload clusters: those of
 * Cluster API Clusters under `/workload/{namespace}/{cluster}` (rendered
 * from what the management cluster observes; answering only once the control
 * plane is initialized) and the existing clusters under
 * `/workload/existing/{name}`. Each needs its own bearer token.
 */
export class WorkloadApi {
  constructor(
    private readonly store: ObjectStore,
    private readonly registry: ResourceRegistry,
    private readonly existing: ExistingClusters,
  ) {}

  handle(
    path: string[],
    query: URLSearchParams,
    authorization: string | undefined,
  ): unknown {
    const [first, second, ...rest] = path;
    const name = second ?? '';
    // An existing cluster wins over a Cluster API Cluster of the same name
    // in a namespace called `existing`.
    const cluster =
      first === EXISTING_PREFIX && this.existing.has(name)
        ? this.existingCluster(name)
        : this.capiCluster(first, name);
    if (authorization !== `Bearer ${workloadToken(name)}`)
      throw StatusError.unauthorized();
    const parsed = parsePath(`/${rest.join('/')}`);
    if (!parsed) throw notFound();
    if (isDiscovery(parsed)) return discovery(cluster, parsed);
    const served = objectsOf(
      cluster,
      parsed.group,
      parsed.version,
      parsed.plural,
    );
    if (!served || parsed.subresource) throw notFound();
    if (served.type.namespaced === false && parsed.namespace) throw notFound();
    const objects = served.objects;
    if (parsed.name) {
      const found = objects.find(
        o =>
          o.metadata.name === parsed.name &&
          (!parsed.namespace || o.metadata.namespace === parsed.namespace),
      );
      if (!found)
        throw StatusError.notFound(
          served.type.plural,
          parsed.name,
          served.type.group,
        );
      return found;
    }
    return listOf(
      served.type.kind,
      served.type.group ? `${served.type.group}/v1` : 'v1',
      objects,
      {
        namespace: parsed.namespace,
        labelSelector: query.get('labelSelector') ?? undefined,
        fieldSelector: query.get('fieldSelector') ?? undefined,
        limit: query.get('limit') ? Number(query.get('limit')) : undefined,
        continueToken: query.get('continue') ?? undefined,
      },
      '1',
    );
  }

  /** An existing cluster; an unreachable one fails before credentials are even read. */
  private existingCluster(name: string): WorkloadCluster {
    if (this.existing.health(name) === 'unreachable')
      throw new WorkloadUnreachableError(name);
    return this.existing.model(name);
  }

  private capiCluster(
    namespace: string | undefined,
    name: string,
  ): WorkloadCluster {
    const type = this.registry.findKind('cluster.x-k8s.io', 'Cluster');
    const cluster: KubeObject | undefined =
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
    return buildWorkloadCluster(
      describeCapiCluster(this.store, this.registry, cluster),
    );
  }
}
