import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import * as k8s from '@kubernetes/client-node';
import {
  RunningSimulator,
  startSimulator,
} from '@palette-backstage/capi-simulator';
import { ManagementClusterConfig } from './managementClusterConfig';

/** A management cluster the backend can talk to. */
export interface ManagementCluster {
  readonly name: string;
  readonly type: ManagementClusterConfig['type'];
  readonly isDefault: boolean;
  /** Client configuration; never logged or returned by the API. */
  readonly kubeConfig: k8s.KubeConfig;
}

/**
 * The configured management clusters, reached through
 * `@kubernetes/client-node` only. Embedded ones are started in-process and
 * reached over HTTP like any other: the rest of the product cannot tell.
 */
export class ManagementClusters {
  private readonly simulators: RunningSimulator[] = [];

  private constructor(private readonly clusters: ManagementCluster[]) {}

  static async start(
    configs: ManagementClusterConfig[],
    logger: LoggerService,
  ): Promise<{ clusters: ManagementClusters; stop: () => Promise<void> }> {
    const simulators: RunningSimulator[] = [];
    const clusters: ManagementCluster[] = [];
    for (const [index, config] of configs.entries()) {
      const kubeConfig = new k8s.KubeConfig();
      if (config.type === 'embedded') {
        const simulator = await startSimulator({
          crdsDir: config.crdsDir,
          timing: config.speed ?? 'realistic',
        });
        simulators.push(simulator);
        kubeConfig.loadFromString(simulator.kubeconfig(config.name));
        logger.info(
          `Started embedded management cluster "${config.name}" (Cluster API simulator)`,
        );
      } else if (config.type === 'kubeconfig') {
        kubeConfig.loadFromFile(config.kubeconfigPath!);
        if (config.context) kubeConfig.setCurrentContext(config.context);
      } else {
        kubeConfig.loadFromCluster();
      }
      clusters.push({
        name: config.name,
        type: config.type,
        isDefault: config.default ?? index === 0,
        kubeConfig,
      });
    }
    const result = new ManagementClusters(clusters);
    result.simulators.push(...simulators);
    return { clusters: result, stop: () => result.stop() };
  }

  list(): ManagementCluster[] {
    return [...this.clusters];
  }

  /** The named management cluster, or the default one when no name is given. */
  find(name?: string): ManagementCluster | undefined {
    return name
      ? this.clusters.find(c => c.name === name)
      : this.clusters.find(c => c.isDefault) ?? this.clusters[0];
  }

  get(name?: string): ManagementCluster {
    const found = this.find(name);
    if (!found)
      throw new NotFoundError(
        `No management cluster named "${name}" is configured`,
      );
    return found;
  }

  private async stop() {
    await Promise.all(this.simulators.map(s => s.stop()));
  }
}
