import {
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import express from 'express';
import { ClusterRecord } from '../clusters/types';
import {
  ImportRouteOptions,
  registerImportRoutes,
} from '../service/importRoutes';
import { ImportedClusterMonitor } from './ImportedClusterMonitor';
import { ImportService, ImportServiceOptions } from './ImportService';
import { readImportSettings } from './settings';

/** The dependencies of {@link createImports}. */
export interface CreateImportsOptions
  extends Omit<ImportServiceOptions, 'monitor' | 'probeTimeoutMs'> {
  config: Config;
  logger: LoggerService;
  /** After a stored status changed: tell the catalog. */
  onStatusChanged(record: ClusterRecord): Promise<void> | void;
}

/**
 * Importing existing clusters, assembled: the service behind the routes,
 * the monitor that rediscovers imported clusters, its scheduled task
 * (`palette.imports.checkInterval`), and the routes.
 */
export function createImports(options: CreateImportsOptions) {
  const settings = readImportSettings(options.config);
  const monitor = new ImportedClusterMonitor({
    store: options.store,
    client: options.client,
    onChanged: record => options.onStatusChanged(record),
    logger: options.logger,
    concurrency: settings.concurrency,
    callTimeoutMs: settings.callTimeoutMs,
  });
  const service = new ImportService({
    ...options,
    monitor,
    probeTimeoutMs: settings.callTimeoutMs,
  });
  const monitorTask: SchedulerServiceTaskScheduleDefinition & {
    id: string;
    fn: () => Promise<void>;
  } = {
    id: 'palette-imported-clusters-check',
    frequency: { milliseconds: settings.checkIntervalMs },
    timeout: { minutes: 10 },
    scope: 'global',
    fn: () => monitor.checkAll(),
  };
  return {
    service,
    monitor,
    monitorTask,
    registerRoutes: (
      router: express.Router,
      routeOptions: Omit<ImportRouteOptions, 'imports'>,
    ) => registerImportRoutes(router, { ...routeOptions, imports: service }),
  };
}
