import { HelmReleaseModel, Workload } from './types';

/**
 * What well-known charts deploy, so that a Helm release shows its workloads
 * as on a real cluster. `{release}`, `{version}` (chart) and `{app}`
 * (appVersion) are replaced; unknown charts deploy one Deployment named
 * after the release.
 */
interface ChartEntry {
  appVersion: string;
  workloads: Array<{
    kind: Workload['kind'];
    name: string;
    image: string;
    replicas?: number;
    /** When the chart deploys it outside the release namespace. */
    namespace?: string;
  }>;
}

const D = 'Deployment' as const;
const DS = 'DaemonSet' as const;

const CHARTS: Record<string, ChartEntry> = {
  'ingress-nginx': {
    appVersion: '1.12.1',
    workloads: [
      {
        kind: D,
        name: '{release}-controller',
        image: 'registry.k8s.io/ingress-nginx/controller:v{app}',
        replicas: 2,
      },
    ],
  },
  'cert-manager': {
    appVersion: 'v{version}',
    workloads: [
      {
        kind: D,
        name: '{release}',
        image: 'quay.io/jetstack/cert-manager-controller:v{version}',
      },
      {
        kind: D,
        name: '{release}-cainjector',
        image: 'quay.io/jetstack/cert-manager-cainjector:v{version}',
      },
      {
        kind: D,
        name: '{release}-webhook',
        image: 'quay.io/jetstack/cert-manager-webhook:v{version}',
      },
    ],
  },
  'kube-prometheus-stack': {
    appVersion: 'v0.81.0',
    workloads: [
      {
        kind: D,
        name: '{release}-operator',
        image: 'quay.io/prometheus-operator/prometheus-operator:{app}',
      },
      {
        kind: D,
        name: '{release}-grafana',
        image: 'docker.io/grafana/grafana:11.6.0',
      },
      {
        kind: D,
        name: '{release}-kube-state-metrics',
        image: 'registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.15.0',
      },
      {
        kind: DS,
        name: '{release}-prometheus-node-exporter',
        image: 'quay.io/prometheus/node-exporter:v1.9.1',
      },
    ],
  },
  cilium: {
    appVersion: '{version}',
    workloads: [
      {
        kind: DS,
        name: 'cilium',
        image: 'quay.io/cilium/cilium:v{version}',
      },
      {
        kind: D,
        name: 'cilium-operator',
        image: 'quay.io/cilium/operator-generic:v{version}',
        replicas: 2,
      },
    ],
  },
  'tigera-operator': {
    appVersion: '{version}',
    workloads: [
      {
        kind: D,
        name: 'tigera-operator',
        image: 'quay.io/tigera/operator:v1.36.5',
      },
      {
        kind: DS,
        name: 'calico-node',
        namespace: 'calico-system',
        image: 'docker.io/calico/node:{version}',
      },
    ],
  },
  longhorn: {
    appVersion: 'v{version}',
    workloads: [
      {
        kind: DS,
        name: 'longhorn-manager',
        image: 'docker.io/longhornio/longhorn-manager:v{version}',
      },
      {
        kind: D,
        name: 'longhorn-ui',
        image: 'docker.io/longhornio/longhorn-ui:v{version}',
      },
    ],
  },
  'metrics-server': {
    appVersion: '0.7.2',
    workloads: [
      {
        kind: D,
        name: '{release}',
        image: 'registry.k8s.io/metrics-server/metrics-server:v{app}',
      },
    ],
  },
  'external-dns': {
    appVersion: '0.16.1',
    workloads: [
      {
        kind: D,
        name: '{release}',
        image: 'registry.k8s.io/external-dns/external-dns:v{app}',
      },
    ],
  },
  'argo-cd': {
    appVersion: 'v2.14.9',
    workloads: [
      {
        kind: D,
        name: '{release}-server',
        image: 'quay.io/argoproj/argocd:{app}',
      },
      {
        kind: D,
        name: '{release}-repo-server',
        image: 'quay.io/argoproj/argocd:{app}',
      },
    ],
  },
  kyverno: {
    appVersion: 'v1.13.4',
    workloads: [
      {
        kind: D,
        name: '{release}-admission-controller',
        image: 'reg.kyverno.io/kyverno/kyverno:{app}',
        replicas: 3,
      },
    ],
  },
  falco: {
    appVersion: '0.40.0',
    workloads: [
      {
        kind: DS,
        name: '{release}',
        image: 'docker.io/falcosecurity/falco:{app}',
      },
    ],
  },
};

const fill = (template: string, r: HelmReleaseModel) =>
  template
    .replace(/\{release\}/g, r.name)
    .replace(/\{version\}/g, r.version.replace(/^v/, ''))
    .replace(/\{app\}/g, r.appVersion);

/** The appVersion a chart version ships, as its Chart.yaml says. */
export function chartAppVersion(chart: string, version: string): string {
  const entry = CHARTS[chart];
  const bare = version.replace(/^v/, '');
  if (!entry) return bare;
  return entry.appVersion.replace(/\{version\}/g, bare);
}

/** The DaemonSets and Deployments a release deploys. */
export function releaseWorkloads(release: HelmReleaseModel): Workload[] {
  const entries = CHARTS[release.chart]?.workloads ?? [
    {
      kind: D,
      name: '{release}',
      image: `docker.io/${release.chart}/${release.chart}:{app}`,
    },
  ];
  return entries.map(e => ({
    kind: e.kind,
    namespace: e.namespace ?? release.namespace,
    name: fill(e.name, release),
    image: fill(e.image, release),
    replicas: e.kind === 'Deployment' ? e.replicas ?? 1 : undefined,
    labels: {
      'app.kubernetes.io/name': release.chart,
      'app.kubernetes.io/instance': release.name,
      'app.kubernetes.io/managed-by': 'Helm',
      'helm.sh/chart': `${release.chart}-${release.version.replace(/^v/, '')}`,
    },
  }));
}
