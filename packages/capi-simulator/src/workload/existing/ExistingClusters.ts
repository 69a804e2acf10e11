import { StatusError } from '../../server/StatusError';
import { buildWorkloadCluster } from '../model/buildCluster';
import {
  HelmReleaseDescription,
  WorkloadClusterDescription,
} from '../model/description';
import { WorkloadCluster } from '../model/types';

/**
 * How an existing cluster answers: `degraded` turns one node NotReady,
 * `unreachable` makes its API server drop every connection.
 *
 * @public
 */
export type ExistingClusterHealth = 'healthy' | 'degraded' | 'unreachable';

export const EXISTING_CLUSTER_HEALTH: readonly ExistingClusterHealth[] = [
  'healthy',
  'degraded',
  'unreachable',
];

interface Hosted {
  description: WorkloadClusterDescription;
  health: ExistingClusterHealth;
  /** Releases installed through CAAPH, by HelmReleaseProxy (`ns/name`). */
  installed: Map<string, HelmReleaseDescription>;
}

const NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * The standalone clusters the simulator hosts: no Cluster API objects, a
 * workload API only (under `/workload/existing/{name}`), as clusters the
 * platform did not create and may import.
 */
export class ExistingClusters {
  private readonly hosted = new Map<string, Hosted>();

  constructor(descriptions: WorkloadClusterDescription[]) {
    for (const description of descriptions) {
      if (!NAME.test(description.name))
        throw new Error(
          `existing cluster name "${description.name}" is not a DNS label`,
        );
      if (this.hosted.has(description.name))
        throw new Error(
          `existing cluster "${description.name}" is defined twice`,
        );
      this.hosted.set(description.name, {
        description: structuredClone(description),
        health: 'healthy',
        installed: new Map(),
      });
    }
  }

  names(): string[] {
    return [...this.hosted.keys()].sort();
  }

  has(name: string): boolean {
    return this.hosted.has(name);
  }

  health(name: string): ExistingClusterHealth {
    return this.get(name).health;
  }

  setHealth(name: string, health: ExistingClusterHealth) {
    if (!EXISTING_CLUSTER_HEALTH.includes(health))
      throw StatusError.badRequest(
        `health must be one of ${EXISTING_CLUSTER_HEALTH.join(', ')}`,
      );
    this.get(name).health = health;
  }

  /** What the cluster's API serves now: its own releases and those installed through CAAPH. */
  model(name: string): WorkloadCluster {
    const hosted = this.get(name);
    const byRelease = new Map<string, HelmReleaseDescription>();
    const releases = [
      ...(hosted.description.helmReleases ?? []),
      ...hosted.installed.values(),
    ];
    // Installing a release under a taken name upgrades it, as Helm does.
    for (const r of releases) byRelease.set(`${r.namespace}/${r.name}`, r);
    return buildWorkloadCluster(
      { ...hosted.description, helmReleases: [...byRelease.values()] },
      { notReadyNodes: hosted.health === 'degraded' ? 1 : 0 },
    );
  }

  /** Installs (or upgrades) the release of a HelmReleaseProxy. */
  install(name: string, proxyKey: string, release: HelmReleaseDescription) {
    this.get(name).installed.set(proxyKey, release);
  }

  /**
   * Uninstalls the release of a HelmReleaseProxy from whichever cluster it
   * went to (nothing if it has none): the kubeconfig that led there may be
   * gone by then.
   */
  uninstall(proxyKey: string) {
    for (const hosted of this.hosted.values())
      hosted.installed.delete(proxyKey);
  }

  private get(name: string): Hosted {
    const hosted = this.hosted.get(name);
    if (!hosted) throw StatusError.notFound('existingclusters', name);
    return hosted;
  }
}
