import {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import express from 'express';
import { Knex } from 'knex';
import { DatabaseClusterStore } from '../../clusters/DatabaseClusterStore';
import { ClusterRecord } from '../../clusters/types';
import { ProfileStore } from '../../database';
import { DatabaseGovernanceStore } from '../../governance/DatabaseGovernanceStore';
import { PackRegistry } from '../../packs';
import { registerComplianceRoutes } from '../../service/complianceRoutes';
import { scanCollectionTask } from './collect';
import { ComplianceService } from './ComplianceService';
import { DatabaseComplianceStore } from './DatabaseComplianceStore';
import { readComplianceSettings } from './settings';

export { ComplianceService } from './ComplianceService';
export { DatabaseComplianceStore } from './DatabaseComplianceStore';
export {
  readComplianceSettings,
  DEFAULT_COMPLIANCE_SETTINGS,
} from './settings';
export type { ComplianceSettings, RequiredAddon } from './settings';
export type { PastScorer } from './ComplianceService';

/** What fleet compliance is built from. */
export interface FleetComplianceOptions {
  config: Config;
  db: Knex;
  logger: LoggerService;
  clusters: DatabaseClusterStore;
  profiles: ProfileStore;
  packs: PackRegistry;
  governance: Pick<DatabaseGovernanceStore, 'listPolicies'>;
  /** Whether an owner entity ref (e.g. `group:default/team-apollo`) exists in the catalog. */
  ownerExists(ref: string): Promise<boolean>;
}

/**
 * Fleet compliance: the service, its routes, the scheduled task that
 * evaluates every live cluster (frequency `palette.compliance.evaluationInterval`,
 * hourly by default) and the one that collects scan reports from the
 * clusters (`palette.compliance.collectScans`, off by default).
 */
export function createFleetCompliance(options: FleetComplianceOptions) {
  const settings = readComplianceSettings(options.config);
  const service = new ComplianceService({
    store: new DatabaseComplianceStore({ db: options.db }),
    clusters: options.clusters,
    profiles: options.profiles,
    governance: options.governance,
    kubernetesPacks: () => options.packs.list({ layer: 'k8s' }),
    ownerExists: options.ownerExists,
    settings,
    logger: options.logger,
  });
  const frequency: SchedulerServiceTaskScheduleDefinition['frequency'] =
    options.config.has('palette.compliance.evaluationInterval')
      ? readDurationFromConfig(options.config, {
          key: 'palette.compliance.evaluationInterval',
        })
      : { hours: 1 };
  return {
    service,
    registerRoutes(
      router: express.Router,
      deps: {
        httpAuth: HttpAuthService;
        permissions: PermissionsService;
        auditor: AuditorService;
      },
    ) {
      registerComplianceRoutes(router, { ...deps, service });
    },
    /** Undefined unless `palette.compliance.collectScans.enabled`. */
    scanCollectionTask(deps: {
      readKubeconfig(record: ClusterRecord): Promise<string | undefined>;
      auditor: AuditorService;
    }) {
      return scanCollectionTask({
        ...deps,
        config: options.config,
        service,
        clusters: options.clusters,
        logger: options.logger,
      });
    },
    evaluationTask: {
      id: 'palette-compliance-evaluation',
      frequency,
      fn: async () => {
        const count = await service.evaluateAll();
        options.logger.info(`Compliance evaluated ${count} cluster(s)`);
      },
    },
  };
}
