/** API groups of Cluster API and its providers. */
export const GROUPS = {
  core: 'cluster.x-k8s.io',
  controlPlane: 'controlplane.cluster.x-k8s.io',
  bootstrap: 'bootstrap.cluster.x-k8s.io',
  infrastructure: 'infrastructure.cluster.x-k8s.io',
  addons: 'addons.cluster.x-k8s.io',
} as const;

/** Labels Cluster API (and CAAPH) put on the objects they manage. */
export const LABELS = {
  clusterName: 'cluster.x-k8s.io/cluster-name',
  controlPlane: 'cluster.x-k8s.io/control-plane',
  topologyOwned: 'topology.cluster.x-k8s.io/owned',
  deploymentName: 'topology.cluster.x-k8s.io/deployment-name',
  poolName: 'topology.cluster.x-k8s.io/pool-name',
  helmChartProxyName:
    'helmreleaseproxy.addons.cluster.x-k8s.io/helmchartproxy-name',
} as const;

/**
 * Annotations that steer the simulated controllers.
 *
 * - `simulator.palette.io/fail`: on a Cluster, one of `infrastructure`,
 *   `controlplane` or `workers`: that stage reports `False` conditions with
 *   reason `SimulatedFailure` and stops progressing (no terminal state: remove
 *   the annotation and it continues). On a MachineDeployment or MachinePool
 *   (any non-empty value) only that pool fails; on an infrastructure cluster or
 *   control plane object only that object fails.
 * - `simulator.palette.io/fail-message`: the message the failing conditions
 *   carry (optional; a default names the stage).
 * - `simulator.palette.io/stall: "true"`: on a Cluster or any of its objects,
 *   freezes all progress (including deletion) without reporting an error, for
 *   timeout tests. Removing it lets things continue.
 * - `cluster.x-k8s.io/paused`: Cluster API's own pause annotation, honoured
 *   like `spec.paused` on the Cluster.
 *
 * @public
 */
export const SIMULATOR_ANNOTATIONS = {
  fail: 'simulator.palette.io/fail',
  failMessage: 'simulator.palette.io/fail-message',
  stall: 'simulator.palette.io/stall',
  paused: 'cluster.x-k8s.io/paused',
} as const;

/** The stages a Cluster's `simulator.palette.io/fail` annotation can name. @public */
export type SimulatedFailureStage =
  | 'infrastructure'
  | 'controlplane'
  | 'workers';

/** Reason of every condition a simulated failure sets. */
export const SIMULATED_FAILURE_REASON = 'SimulatedFailure';

/** Finalizer of the Cluster controller. */
export const CLUSTER_FINALIZER = 'cluster.cluster.x-k8s.io';

/** Finalizer of CAAPH's HelmReleaseProxy controller. */
export const HELM_RELEASE_PROXY_FINALIZER =
  'helmreleaseproxy.addons.cluster.x-k8s.io';
