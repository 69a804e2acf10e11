import {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  ProfileDetails,
  ProfileUsage,
} from '@palette-backstage/plugin-palette-common';
import express from 'express';
import { Knex } from 'knex';
import { AuditLog } from '../audit/AuditLog';
import { ClusterService } from '../clusters/ClusterService';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';
import { ProfileStore } from '../database';
import { registerBulkRoutes } from '../service/bulkRoutes';
import { registerRolloutRoutes } from '../service/rolloutRoutes';
import { DatabaseMaintenanceWindowStore } from './DatabaseMaintenanceWindowStore';
import { DatabaseRolloutStore } from './DatabaseRolloutStore';
import { countClustersPerVersion, toProfileUsage } from './profileUsage';
import { RolloutRunner } from './RolloutRunner';
import { RolloutService } from './RolloutService';
import { readRolloutSettings } from './settings';

/** What fleet rollouts are built from. */
export interface CreateRolloutsOptions {
  config: Config;
  logger: LoggerService;
  db: Knex;
  auditLog: AuditLog;
  clusterStore: DatabaseClusterStore;
  /** The same service as the single cluster actions: governance, validation, audit and reconcile. */
  clusters: ClusterService;
  profiles: ProfileStore;
  now?: () => Date;
}

/**
 * Fleet rollouts and bulk day-2 actions, wired: the stores, the service
 * behind the routes, and the runner's `scope: 'global'` task (frequency
 * `palette.rollouts.tickInterval`, 15 seconds by default); a rollout also
 * gets a step right after it is created or resumed.
 */
export function createRollouts(options: CreateRolloutsOptions) {
  const { db, auditLog, logger, clusterStore, clusters } = options;
  const settings = readRolloutSettings(options.config);
  const store = new DatabaseRolloutStore({ db, auditLog, clock: options.now });
  const windows = new DatabaseMaintenanceWindowStore({
    db,
    auditLog,
    clock: options.now,
  });
  const runner = new RolloutRunner({
    store,
    windows,
    environmentWindows: settings.maintenanceWindows,
    clusterStore,
    clusters,
    logger,
    now: options.now,
  });
  const service = new RolloutService({
    store,
    clusterStore,
    clusters,
    profiles: options.profiles,
    now: options.now,
    trigger: id => runner.trigger(id),
  });
  return {
    store,
    windows,
    runner,
    service,
    /** `GET /profiles/:name/usage`: live clusters per version, counted in SQL. */
    profileUsage: async (profile: ProfileDetails): Promise<ProfileUsage> =>
      toProfileUsage(profile, await countClustersPerVersion(db, profile.name)),
    task: {
      id: 'palette-rollouts',
      frequency: settings.tickInterval,
      timeout: { minutes: 10 },
      scope: 'global' as const,
      fn: () => runner.tick(),
    },
    registerRoutes(
      router: express.Router,
      deps: {
        httpAuth: HttpAuthService;
        permissions: PermissionsService;
        auditor: AuditorService;
      },
    ) {
      registerRolloutRoutes(router, {
        ...deps,
        rollouts: service,
        windows,
        clusterStore,
        environmentWindows: settings.maintenanceWindows,
        now: options.now,
      });
      registerBulkRoutes(router, { ...deps, clusters, clusterStore });
    },
  };
}
