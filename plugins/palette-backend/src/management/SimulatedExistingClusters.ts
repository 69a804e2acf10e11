import { NotFoundError } from '@backstage/errors';
import { ManagementClusters } from './ManagementClusters';

/** An existing cluster the embedded simulator hosts, to try import with. */
export interface SimulatedExistingCluster {
  managementCluster: string;
  name: string;
  health: string;
}

/**
 * The existing clusters an embedded management cluster (the Cluster API
 * simulator) hosts, so that import can be tried in the demo portal without
 * a real cluster. Asked over HTTP with the management cluster's own
 * credentials, like everything else; real management clusters have none.
 * Their kubeconfigs only reach simulated clusters.
 */
export class SimulatedExistingClusters {
  constructor(private readonly clusters: ManagementClusters) {}

  async list(): Promise<SimulatedExistingCluster[]> {
    const found: SimulatedExistingCluster[] = [];
    for (const cluster of this.clusters.list()) {
      if (cluster.type !== 'embedded') continue;
      const body = (await this.#get(cluster.name, '')) as {
        items: Array<{ name: string; health: string }>;
      };
      for (const item of body.items)
        found.push({ managementCluster: cluster.name, ...item });
    }
    return found;
  }

  /** The kubeconfig (YAML) of one simulated existing cluster. */
  async kubeconfig(managementCluster: string, name: string): Promise<string> {
    const cluster = this.clusters.find(managementCluster);
    if (cluster?.type !== 'embedded')
      throw new NotFoundError(
        `Management cluster "${managementCluster}" is not an embedded simulator`,
      );
    return (await this.#get(
      cluster.name,
      `/${encodeURIComponent(name)}/kubeconfig`,
    )) as string;
  }

  async #get(managementCluster: string, path: string): Promise<unknown> {
    const { kubeConfig } = this.clusters.get(managementCluster);
    const server = kubeConfig.getCurrentCluster()?.server;
    const url = `${server}/simulator/existing-clusters${path}`;
    const init = await kubeConfig.applyToFetchOptions({});
    const res = await fetch(url, {
      headers: init.headers as Record<string, string>,
    });
    if (res.status === 404)
      throw new NotFoundError(`No simulated existing cluster at ${path}`);
    if (!res.ok)
      throw new Error(
        `The simulator answered ${res.status} for existing clusters`,
      );
    return res.headers.get('content-type')?.includes('json')
      ? res.json()
      : res.text();
  }
}
