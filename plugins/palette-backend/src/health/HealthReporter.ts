import * as k8s from '@kubernetes/client-node';
import type { Knex } from 'knex';
import {
  DatabaseHealth,
  HealthReport,
  ManagementClusterHealth,
} from '@palette-backstage/plugin-palette-common';
import {
  ManagementCluster,
  ManagementClusters,
} from '../management/ManagementClusters';

const CHECK_TIMEOUT_MS = 3_000;

/**
 * Checks what palette-backend depends on: its database and every configured
 * management cluster. Reports never carry addresses or credentials.
 */
export class HealthReporter {
  constructor(
    private readonly db: Knex,
    private readonly managementClusters: ManagementClusters,
  ) {}

  async report(): Promise<HealthReport> {
    const [database, ...managementClusters] = await Promise.all([
      this.checkDatabase(),
      ...this.managementClusters
        .list()
        .map(c => this.checkManagementCluster(c)),
    ]);
    const ok =
      database.status === 'ok' &&
      managementClusters.every(c => c.status === 'ok');
    return {
      status: ok ? 'ok' : 'error',
      checks: {
        database,
        managementClusters: managementClusters as ManagementClusterHealth[],
      },
    };
  }

  private async checkDatabase(): Promise<DatabaseHealth> {
    const started = Date.now();
    const client = String(this.db.client.config.client);
    try {
      await withTimeout(this.db.raw('select 1'), 'the database did not answer');
      return { status: 'ok', client, latencyMs: Date.now() - started };
    } catch (error) {
      return {
        status: 'error',
        client,
        latencyMs: Date.now() - started,
        message: messageOf(error),
      };
    }
  }

  private async checkManagementCluster(
    cluster: ManagementCluster,
  ): Promise<ManagementClusterHealth> {
    const started = Date.now();
    const base = { name: cluster.name, type: cluster.type };
    try {
      const version = await withTimeout(
        cluster.kubeConfig.makeApiClient(k8s.VersionApi).getCode(),
        'the API server did not answer',
      );
      const groups = await withTimeout(
        cluster.kubeConfig.makeApiClient(k8s.ApisApi).getAPIVersions(),
        'API discovery did not answer',
      );
      const clusterApiServed = groups.groups.some(
        g => g.name === 'cluster.x-k8s.io',
      );
      return {
        ...base,
        status: clusterApiServed ? 'ok' : 'error',
        latencyMs: Date.now() - started,
        kubernetesVersion: version.gitVersion,
        clusterApiServed,
        ...(clusterApiServed
          ? {}
          : {
              message:
                'Cluster API (cluster.x-k8s.io) is not installed on this cluster',
            }),
      };
    } catch (error) {
      return {
        ...base,
        status: 'error',
        latencyMs: Date.now() - started,
        message: messageOf(error),
      };
    }
  }
}

function withTimeout<T>(promise: PromiseLike<T>, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    Promise.resolve(promise),
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${message} within ${CHECK_TIMEOUT_MS} ms`)),
        CHECK_TIMEOUT_MS,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * A short reason that is safe to show: client-node errors can embed the
 * request, so only the first line is kept, without tokens or addresses.
 */
function messageOf(error: unknown): string {
  const code = (error as { code?: number }).code;
  if (code === 401 || code === 403)
    return `the API server refused the configured credentials (HTTP ${code})`;
  const text = error instanceof Error ? error.message : String(error);
  return text
    .split('\n')[0]
    .replace(/Bearer\s+\S+/gi, 'Bearer ***')
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s,]+/gi, '<api-server>')
    .replace(/\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b/g, '<address>')
    .slice(0, 300);
}
