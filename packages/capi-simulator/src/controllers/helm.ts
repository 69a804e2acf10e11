import { KubeObject } from '../store/types';
import { existingClusterOfKubeconfig } from '../workload/existing/kubeconfig';
import { releaseFromProxy } from '../workload/model/releaseFromProxy';
import { hasExternalControlPlane } from './cluster';
import {
  ConditionSpec,
  falseCondition,
  findCondition,
  trueCondition,
} from './conditions';
import { GROUPS, HELM_RELEASE_PROXY_FINALIZER, LABELS } from './constants';
import {
  ControllerContext,
  Spec,
  TypeInfo,
  clusterKeyOf,
  ownerRefTo,
  specOf,
  statusOf,
} from './context';

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{
    key: string;
    operator: string;
    values?: string[];
  }>;
}

/**
 * A metav1.LabelSelector as a predicate. As in CAAPH, an empty selector
 * selects no cluster (rather than all of them).
 */
export function selectorMatcher(
  selector: LabelSelector | undefined,
): (labels: Record<string, string>) => boolean {
  const matchLabels = Object.entries(selector?.matchLabels ?? {});
  const expressions = selector?.matchExpressions ?? [];
  if (!matchLabels.length && !expressions.length) return () => false;
  return labels =>
    matchLabels.every(([k, v]) => labels[k] === v) &&
    expressions.every(e => {
      const has = Object.prototype.hasOwnProperty.call(labels, e.key);
      switch (e.operator) {
        case 'In':
          return has && (e.values ?? []).includes(labels[e.key]);
        case 'NotIn':
          return !has || !(e.values ?? []).includes(labels[e.key]);
        case 'Exists':
          return has;
        case 'DoesNotExist':
          return !has;
        default:
          return false;
      }
    });
}

/** The HelmReleaseProxy name for a proxy and a cluster (deterministic, so reconciles stay idempotent). */
function releaseProxyName(proxy: string, cluster: string) {
  return `${proxy}-${cluster}`.slice(0, 253).replace(/[-.]+$/, '');
}

/** How soon an install into an unreachable cluster is tried again. */
const UNREACHABLE_RETRY_MS = 1_000;

const proxyKeyOf = (hrp: KubeObject) =>
  `${hrp.metadata.namespace ?? ''}/${hrp.metadata.name}`;

const COPIED_FIELDS = [
  'chartName',
  'repoURL',
  'version',
  'releaseName',
  'options',
  'reconcileStrategy',
  'tlsConfig',
  'credentials',
] as const;

/**
 * CAAPH's HelmChartProxy controller: one HelmReleaseProxy per Cluster of the
 * namespace that matches `spec.clusterSelector` (and is not deleting), with
 * the chart fields copied and `valuesTemplate` taken as the values as-is;
 * proxies of clusters that stop matching or go away are deleted.
 */
export function reconcileHelmChartProxy(
  ctx: ControllerContext,
  _key: string,
  info: TypeInfo,
  hcp: KubeObject,
) {
  // HelmReleaseProxies are owned by the proxy and go with it.
  if (hcp.metadata.deletionTimestamp) return;
  const namespace = hcp.metadata.namespace ?? '';
  const spec = specOf(hcp);
  const hrpInfo = ctx.infoByKind(GROUPS.addons, 'HelmReleaseProxy');
  if (!hrpInfo) return;
  const matches = selectorMatcher(spec.clusterSelector);
  const matching: string[] = [];
  for (const [name, c] of ctx.clustersByNamespace.get(namespace) ?? []) {
    if (!c.deleting && matches(c.labels)) matching.push(name);
  }
  matching.sort();
  const existing = new Map(
    ctx.releasesByProxy.get(clusterKeyOf(namespace, hcp.metadata.name)) ?? [],
  );

  const releases: KubeObject[] = [];
  for (const clusterName of matching) {
    const name =
      existing.get(clusterName) ??
      releaseProxyName(hcp.metadata.name, clusterName);
    const wanted: Spec = {
      clusterRef: {
        apiVersion: `${GROUPS.core}/${ctx.clusterInfo.type.version}`,
        kind: 'Cluster',
        name: clusterName,
        namespace,
      },
    };
    for (const field of COPIED_FIELDS) {
      if (spec[field] !== undefined)
        wanted[field] = structuredClone(spec[field]);
    }
    wanted.namespace = spec.namespace ?? 'default';
    if (spec.valuesTemplate !== undefined) wanted.values = spec.valuesTemplate;

    let hrp = ctx.get(hrpInfo, namespace, name);
    if (!hrp) {
      hrp = ctx.create(hrpInfo, {
        apiVersion: hrpInfo.apiVersion,
        kind: 'HelmReleaseProxy',
        metadata: {
          name,
          namespace,
          labels: {
            [LABELS.clusterName]: clusterName,
            [LABELS.helmChartProxyName]: hcp.metadata.name,
          },
          ownerReferences: [ownerRefTo(hcp, true)],
          finalizers: [HELM_RELEASE_PROXY_FINALIZER],
        },
        spec: wanted,
      });
    } else if (
      !hrp.metadata.deletionTimestamp &&
      JSON.stringify(hrp.spec) !== JSON.stringify(wanted)
    ) {
      hrp = ctx.update(hrpInfo, { ...hrp, spec: wanted });
    }
    releases.push(hrp);
  }
  for (const [clusterName, name] of existing) {
    if (!matching.includes(clusterName)) ctx.delete(hrpInfo, namespace, name);
  }

  const notReady = releases.filter(r => {
    const ready = findCondition(r, 'Ready');
    return (
      ready?.status !== 'True' ||
      ready.observedGeneration !== r.metadata.generation
    );
  });
  const releasesReady: ConditionSpec = notReady.length
    ? falseCondition(
        'HelmReleaseProxiesReady',
        'HelmReleaseProxiesNotReady',
        notReady
          .map(
            r =>
              `* HelmReleaseProxy ${r.metadata.name}: ${
                findCondition(r, 'Ready')?.message || 'not yet installed'
              }`,
          )
          .join('\n'),
      )
    : trueCondition('HelmReleaseProxiesReady', 'Ready');
  const wantedConditions: ConditionSpec[] = [
    releasesReady.status === 'True'
      ? trueCondition('Ready', 'Ready')
      : falseCondition('Ready', releasesReady.reason, releasesReady.message),
    trueCondition('HelmReleaseProxySpecsUpToDate', 'UpToDate'),
    releasesReady,
  ];
  ctx.writeStatus(info, hcp, {
    ...statusOf(hcp),
    conditions: ctx.conditions(info, hcp, wantedConditions, 'v1beta2'),
    matchingClusters: matching.map(name => ({
      apiVersion: `${GROUPS.core}/${ctx.clusterInfo.type.version}`,
      kind: 'Cluster',
      name,
      namespace,
    })),
    observedGeneration: hcp.metadata.generation,
  });
}

/**
 * CAAPH's HelmReleaseProxy controller: once the Cluster's control plane is
 * initialized, the release installs (or upgrades, on a spec change) in one
 * step: `status.status: deployed`, `status.revision` counting installs and
 * upgrades; deletion uninstalls in one step.
 */
export function reconcileHelmReleaseProxy(
  ctx: ControllerContext,
  key: string,
  info: TypeInfo,
  input: KubeObject,
) {
  let hrp = input;
  const namespace = hrp.metadata.namespace ?? '';
  const spec = specOf(hrp);
  const cluster = spec.clusterRef?.name
    ? ctx.get(
        ctx.clusterInfo,
        spec.clusterRef.namespace ?? namespace,
        spec.clusterRef.name,
      )
    : undefined;
  const stalled = cluster
    ? ctx.simulation(cluster, hrp, undefined).stalled
    : false;
  if (stalled) {
    ctx.resetStep(key);
    return;
  }
  const status = statusOf(hrp);
  const write = (
    clusterAvailable: ConditionSpec,
    releaseReady: ConditionSpec,
    extra: Spec = {},
  ) =>
    ctx.writeStatus(info, hrp, {
      ...status,
      ...extra,
      conditions: ctx.conditions(
        info,
        hrp,
        [
          releaseReady.status === 'True' && clusterAvailable.status === 'True'
            ? trueCondition('Ready', 'Ready')
            : falseCondition(
                'Ready',
                clusterAvailable.status !== 'True'
                  ? clusterAvailable.reason
                  : releaseReady.reason,
                clusterAvailable.status !== 'True'
                  ? clusterAvailable.message
                  : releaseReady.message,
              ),
          clusterAvailable,
          releaseReady,
        ],
        'v1beta2',
      ),
      observedGeneration: hrp.metadata.generation,
    });

  if (hrp.metadata.deletionTimestamp) {
    if (!ctx.hasFinalizer(hrp, HELM_RELEASE_PROXY_FINALIZER)) return;
    if (!ctx.stepDone(key)) {
      write(
        trueCondition('ClusterAvailable', 'Available'),
        falseCondition(
          'HelmReleaseReady',
          'HelmReleaseDeleting',
          `Uninstalling release ${spec.releaseName ?? spec.chartName}`,
        ),
        { status: 'uninstalling' },
      );
      return;
    }
    ctx.existingClusters?.uninstall(proxyKeyOf(hrp));
    ctx.removeFinalizer(info, hrp, HELM_RELEASE_PROXY_FINALIZER);
    return;
  }
  hrp = ctx.addFinalizer(info, hrp, HELM_RELEASE_PROXY_FINALIZER);

  if (!cluster) {
    ctx.resetStep(key);
    write(
      falseCondition(
        'ClusterAvailable',
        'GetClusterFailed',
        `Cluster ${spec.clusterRef?.name ?? ''} not found`,
      ),
      falseCondition(
        'HelmReleaseReady',
        'PreparingToHelmInstall',
        'Waiting for the Cluster',
      ),
    );
    return;
  }
  if (statusOf(cluster).initialization?.controlPlaneInitialized !== true) {
    ctx.resetStep(key);
    write(
      falseCondition(
        'ClusterAvailable',
        'GetKubeconfigFailed',
        'Waiting for the control plane to be initialized',
      ),
      falseCondition(
        'HelmReleaseReady',
        'PreparingToHelmInstall',
        'Waiting for the Cluster kubeconfig',
      ),
    );
    return;
  }
  const existing = existingClusterOf(ctx, cluster);
  if (existing && ctx.existingClusters?.health(existing) === 'unreachable') {
    // Health changes are not watched: look again in a while, as CAAPH requeues.
    ctx.resetStep(key);
    ctx.queue.addAfter(key, UNREACHABLE_RETRY_MS);
    write(
      falseCondition(
        'ClusterAvailable',
        'GetClusterFailed',
        `The API server of ${existing} does not answer`,
      ),
      falseCondition(
        'HelmReleaseReady',
        'PreparingToHelmInstall',
        'Waiting for the cluster to be reachable',
      ),
    );
    return;
  }
  const releaseReady = findCondition(hrp, 'HelmReleaseReady');
  const installed =
    releaseReady?.status === 'True' &&
    releaseReady.observedGeneration === hrp.metadata.generation &&
    status.status === 'deployed';
  if (installed) {
    ctx.resetStep(key);
    write(
      trueCondition('ClusterAvailable', 'Available'),
      trueCondition('HelmReleaseReady', 'Deployed'),
    );
    return;
  }
  const revision: number = status.revision ?? 0;
  if (!ctx.stepDone(key)) {
    write(
      trueCondition('ClusterAvailable', 'Available'),
      falseCondition(
        'HelmReleaseReady',
        'HelmReleasePending',
        `Helm release ${revision ? 'upgrade' : 'install'} of ${
          spec.chartName
        } in progress`,
      ),
      { status: revision ? 'pending-upgrade' : 'pending-install' },
    );
    return;
  }
  if (existing) {
    const release = releaseFromProxy(hrp, revision + 1);
    if (release)
      ctx.existingClusters?.install(existing, proxyKeyOf(hrp), {
        ...release,
        lastDeployed: new Date().toISOString(),
      });
  }
  write(
    trueCondition('ClusterAvailable', 'Available'),
    trueCondition('HelmReleaseReady', 'Deployed'),
    { status: 'deployed', revision: revision + 1 },
  );
}

/**
 * The existing cluster a Cluster's kubeconfig Secret points at, when its
 * control plane is external (an imported cluster): CAAPH installs there.
 */
function existingClusterOf(
  ctx: ControllerContext,
  cluster: KubeObject,
): string | undefined {
  if (!ctx.existingClusters || !hasExternalControlPlane(cluster))
    return undefined;
  const secretInfo = ctx.infoByKind('', 'Secret');
  const secret = secretInfo
    ? ctx.get(
        secretInfo,
        cluster.metadata.namespace,
        `${cluster.metadata.name}-kubeconfig`,
      )
    : undefined;
  const value = (secret?.data as Record<string, string> | undefined)?.value;
  if (!value) return undefined;
  const name = existingClusterOfKubeconfig(
    Buffer.from(value, 'base64').toString('utf8'),
  );
  return name && ctx.existingClusters.has(name) ? name : undefined;
}
