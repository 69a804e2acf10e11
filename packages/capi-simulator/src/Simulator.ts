import { randomBytes } from 'node:crypto';
import { ResourceRegistry } from './api/ResourceRegistry';
import {
  builtinResourceTypes,
  defaultCustomResourceTypes,
} from './api/resourceTypes';
import { ObjectStore } from './store/ObjectStore';
import { ApiServer } from './server/ApiServer';
import { loadCrdsFromDir, LoadedCrds } from './crds';
import {
  SimulatorTiming,
  startControllers,
  TIMING_PRESETS,
} from './controllers';
import { ResourceType } from './api/resourceTypes';
import { renderKubeconfig } from './kubeconfig';
import { DEMO_EXISTING_CLUSTERS } from './workload/existing/demoClusters';
import {
  ExistingClusterHealth,
  ExistingClusters,
} from './workload/existing/ExistingClusters';
import { existingClusterKubeconfig } from './workload/existing/kubeconfig';
import { WorkloadClusterDescription } from './workload/model/description';

/**
 * Options of {@link startSimulator}.
 *
 * @public
 */
export interface SimulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; loopback by default. */
  host?: string;
  /**
   * Bearer token every request must carry. Defaults to a random token, so
   * that clients are shown to send their configured credentials; `false`
   * turns authentication off.
   */
  token?: string | false;
  /** How many recent events watches can resume from (older: 410 Gone). */
  watchHistorySize?: number;
  /**
   * A folder of CustomResourceDefinition files (e.g. the Cluster API CRDs).
   * Every served version is registered, and objects are pruned, defaulted
   * and validated against its openAPIV3Schema as a real API server does.
   * Without it the kinds the product renders are served without schemas.
   */
  crdsDir?: string;
  /**
   * How fast the simulated controllers move: `instant` for tests,
   * `realistic` (the default) for the demo, where a cluster takes tens of
   * seconds to become available; or `{ stepMs }` per simulated step.
   */
  timing?: keyof typeof TIMING_PRESETS | SimulatorTiming;
  /** Run the simulated Cluster API controllers (default true). */
  controllers?: boolean;
  /**
   * Standalone clusters to host besides the Cluster API ones: clusters the
   * platform did not create, with a workload API only (under
   * `/workload/existing/{name}`), to import. Defaults to the demo set
   * (`legacy-payments`, `edge-retail-01`, `analytics-aks`); `[]` hosts none.
   */
  existingClusters?: WorkloadClusterDescription[];
}

/**
 * A running simulated management cluster.
 *
 * @public
 */
export interface RunningSimulator {
  /** Base URL of the API server, e.g. `http://127.0.0.1:38213`. */
  readonly url: string;
  /** The bearer token clients must send, if authentication is on. */
  readonly token?: string;
  readonly store: ObjectStore;
  readonly registry: ResourceRegistry;
  /** A kubeconfig (YAML) for this API server, for kubectl or client-node. */
  kubeconfig(contextName?: string): string;
  /** Resolves when the simulated controllers have no work queued or scheduled. */
  idle(): Promise<void>;
  /** Names of the existing (standalone) clusters hosted. */
  existingClusterNames(): string[];
  /**
   * The admin kubeconfig (YAML) of an existing cluster, as its owners would
   * hand it over for an import. Also served at
   * `GET /simulator/existing-clusters/{name}/kubeconfig`.
   */
  existingClusterKubeconfig(name: string): string;
  /**
   * Breaks or heals an existing cluster: `degraded` turns one node
   * NotReady, `unreachable` makes its API server drop connections. Also
   * `PUT /simulator/existing-clusters/{name}/health`.
   */
  setExistingClusterHealth(name: string, health: ExistingClusterHealth): void;
  stop(): Promise<void>;
}

/**
 * Starts the embedded management cluster: a Kubernetes API server that
 * serves the core kinds the product needs and the Cluster API kinds it renders.
 *
 * @public
 */
export async function startSimulator(
  options: SimulatorOptions = {},
): Promise<RunningSimulator> {
  const crds = options.crdsDir ? loadCrdsFromDir(options.crdsDir) : undefined;
  const registry = new ResourceRegistry([
    ...builtinResourceTypes,
    ...servedCustomTypes(crds),
  ]);
  const store = new ObjectStore(options.watchHistorySize);
  store.typeResolver = typeKey =>
    registry.all().find(t => `${t.group}/${t.plural}` === typeKey);
  const namespaceType = registry.find('', 'v1', 'namespaces')!;
  for (const name of ['default', 'kube-system', 'kube-public']) {
    store.create(namespaceType, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name },
      status: { phase: 'Active' },
    });
  }
  const token =
    options.token === false
      ? undefined
      : options.token ?? randomBytes(24).toString('hex');
  const existingClusters = new ExistingClusters(
    options.existingClusters ?? DEMO_EXISTING_CLUSTERS,
  );
  const api = new ApiServer({
    registry,
    store,
    token,
    existingClusters,
    schemaFor: crds && (t => crds.schemaFor(t.group, t.version, t.kind)),
    schemaOf: crds && (t => crds.openApiSchemaFor(t.group, t.version, t.kind)),
  });
  const url = await api.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  const timing =
    typeof options.timing === 'object'
      ? options.timing
      : TIMING_PRESETS[options.timing ?? 'realistic'];
  const controllers =
    options.controllers === false
      ? undefined
      : startControllers({
          store,
          registry,
          timing,
          workloadServerUrl: (namespace, name) =>
            workloadServerUrl(url, namespace, name),
          existingClusters,
        });
  return {
    url,
    token,
    store,
    registry,
    kubeconfig: (contextName = 'capi-simulator') =>
      renderKubeconfig({
        server: url,
        token,
        cluster: contextName,
        namespace: 'default',
      }),
    idle: async () => controllers?.idle(),
    existingClusterNames: () => existingClusters.names(),
    existingClusterKubeconfig: name => {
      if (!existingClusters.has(name))
        throw new Error(`no existing cluster named "${name}"`);
      return existingClusterKubeconfig(url, name);
    },
    setExistingClusterHealth: (name, health) =>
      existingClusters.setHealth(name, health),
    stop: async () => {
      await controllers?.stop();
      await api.close();
    },
  };
}

/** Where a simulated workload cluster's API is served (its kubeconfig's server). */
export function workloadServerUrl(
  base: string,
  namespace: string,
  name: string,
): string {
  return `${base}/workload/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(name)}`;
}

/**
 * The custom kinds to serve: those of the CRD files when given, plus any kind
 * the product renders that they do not define (served without a schema).
 */
function servedCustomTypes(crds: LoadedCrds | undefined): ResourceType[] {
  if (!crds) return defaultCustomResourceTypes;
  const defined = new Set(crds.types.map(t => `${t.group}/${t.kind}`));
  return [
    ...crds.types,
    ...defaultCustomResourceTypes.filter(
      t => !defined.has(`${t.group}/${t.kind}`),
    ),
  ];
}
