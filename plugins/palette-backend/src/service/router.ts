import {
  AuditorService,
  HttpAuthService,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import { createCost } from '../fleet/cost';
import { createImports } from '../imports';
import { createRollouts } from '../rollouts';
import Router from 'express-promise-router';
import { AuditLog } from '../audit';
import { ProfileStore } from '../database';
import { HealthReporter } from '../health/HealthReporter';
import { PackRegistry } from '../packs';
import { registerPackAndAuditRoutes } from './packAndAuditRoutes';
import { ClusterRouteOptions, registerClusterRoutes } from './clusterRoutes';
import {
  GovernanceRouteOptions,
  registerGovernanceRoutes,
} from './governanceRoutes';
import { registerProfileRoutes } from './profileRoutes';
import { registerSandboxRoutes } from './sandboxRoutes';
import { SimulatedExistingClusters } from '../management/SimulatedExistingClusters';

export interface RouterOptions
  extends Omit<
      ClusterRouteOptions,
      'httpAuth' | 'permissions' | 'permissionsRegistry' | 'auditor'
    >,
    Pick<GovernanceRouteOptions, 'governance' | 'resolveContext'> {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
  auditor: AuditorService;
  health: HealthReporter;
  store: ProfileStore;
  packs: PackRegistry;
  auditLog: AuditLog;
  onProfileChanged(name: string): Promise<void>;
  clustersUsingProfile(name: string, version?: string): Promise<string[]>;
  cost: ReturnType<typeof createCost>;
  /** The routes of imported clusters (`createImports`). */
  imports?: Pick<ReturnType<typeof createImports>, 'registerRoutes'>;
  /** Fleet rollouts, bulk actions and profile usage (`createRollouts`). */
  rollouts?: Pick<
    ReturnType<typeof createRollouts>,
    'registerRoutes' | 'profileUsage'
  >;
  /** Existing clusters the embedded simulator hosts, to try import with. */
  simulated: SimulatedExistingClusters;
}

/** The REST API of palette-backend, under `/api/palette`. Thin: parse, authorize, call, reply. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, health } = options;
  const router = Router();
  router.use(express.json({ limit: '1mb' }));

  router.get('/health', async (req, res) => {
    // Any signed-in user or backend service may read health; it holds no secrets.
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const report = await health.report();
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  });

  registerPackAndAuditRoutes(router, options);
  registerProfileRoutes(router, {
    ...options,
    profileUsage: options.rollouts?.profileUsage,
  });
  options.imports?.registerRoutes(router, options);
  options.rollouts?.registerRoutes(router, options);
  registerClusterRoutes(router, options);
  registerGovernanceRoutes(router, options);
  options.cost.registerRoutes(router, options);
  registerSandboxRoutes(router, options);
  return router;
}
