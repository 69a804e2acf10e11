import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  ClusterMaintenanceWindowResponse,
  clusterMaintenanceWindowRequestSchema,
  createRolloutRequestSchema,
  listRolloutsQuerySchema,
  MaintenanceWindow,
  paletteClusterUpdatePermission,
  paletteFleetReadPermission,
  paletteRolloutManagePermission,
  rollbackRolloutRequestSchema,
} from '@palette-backstage/plugin-palette-common';
import express, { Request } from 'express';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';
import { DatabaseMaintenanceWindowStore } from '../rollouts/DatabaseMaintenanceWindowStore';
import {
  checkMaintenanceWindow,
  effectiveWindow,
  isOpen,
  nextOpening,
} from '../rollouts/maintenanceWindows';
import { RolloutService } from '../rollouts/RolloutService';
import { toApiRollout } from '../rollouts/rows';
import { audited } from './audited';
import { requireBasic, requireOnResource } from './authorization';
import { allowedClusters } from './bulkRoutes';
import { readableCluster } from './clusterRoutes';
import { parseInput } from './parseInput';
import { actorOf } from './profileRoutes';

/** The dependencies of the rollout and maintenance-window routes. */
export interface RolloutRouteOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  rollouts: RolloutService;
  windows: Pick<DatabaseMaintenanceWindowStore, 'get' | 'set'>;
  clusterStore: Pick<DatabaseClusterStore, 'get'>;
  environmentWindows: Readonly<Record<string, MaintenanceWindow>>;
  now?: () => Date;
}

/**
 * The rollout routes: reads need `palette.fleet.read` (a rollout spans the
 * fleet), every change `palette.rollout.manage` plus
 * `palette.cluster.update` on each cluster it touches. Also a cluster's
 * maintenance window.
 */
export function registerRolloutRoutes(
  router: express.Router,
  options: RolloutRouteOptions,
) {
  const { httpAuth, permissions, auditor, rollouts, windows } = options;
  const now = options.now ?? (() => new Date());

  async function fleetReader(req: Request) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await requireBasic(permissions, credentials, paletteFleetReadPermission);
  }

  /** A user who may manage rollouts, who they are, and what they may update. */
  async function manager(req: Request) {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await requireBasic(
      permissions,
      credentials,
      paletteRolloutManagePermission,
    );
    return {
      actor: actorOf(credentials),
      mayUpdate: (names: string[]) =>
        allowedClusters(
          permissions,
          credentials,
          paletteClusterUpdatePermission,
          names,
        ),
    };
  }

  const change = <T>(req: Request, action: string, fn: () => Promise<T>) =>
    audited(
      auditor,
      req,
      'rollout-change',
      { action, target: `rollout:${req.params.id ?? 'new'}` },
      fn,
    );

  router.get('/rollouts', async (req, res) => {
    await fleetReader(req);
    const query = parseInput(listRolloutsQuerySchema, req.query, 'query');
    res.json(await rollouts.list(query));
  });

  router.get('/rollouts/:id', async (req, res) => {
    await fleetReader(req);
    res.json(toApiRollout(await rollouts.get(req.params.id)));
  });

  router.post('/rollouts', async (req, res) => {
    const { actor, mayUpdate } = await manager(req);
    const body = parseInput(createRolloutRequestSchema, req.body);
    if (body.dryRun) {
      res.json(await rollouts.create(body, actor, mayUpdate));
      return;
    }
    const rollout = await change(req, 'rollout.create', () =>
      rollouts.create(body, actor, mayUpdate),
    );
    res.status(201).json(rollout);
  });

  router.post('/rollouts/:id/pause', async (req, res) => {
    const { actor } = await manager(req);
    res.json(
      await change(req, 'rollout.pause', () =>
        rollouts.pause(req.params.id, actor),
      ),
    );
  });

  router.post('/rollouts/:id/resume', async (req, res) => {
    const { actor, mayUpdate } = await manager(req);
    res.json(
      await change(req, 'rollout.resume', () =>
        rollouts.resume(req.params.id, actor, mayUpdate),
      ),
    );
  });

  router.post('/rollouts/:id/cancel', async (req, res) => {
    const { actor } = await manager(req);
    res.json(
      await change(req, 'rollout.cancel', () =>
        rollouts.cancel(req.params.id, actor),
      ),
    );
  });

  router.post('/rollouts/:id/rollback', async (req, res) => {
    const { actor, mayUpdate } = await manager(req);
    const { scope } = parseInput(rollbackRolloutRequestSchema, req.body ?? {});
    res.json(
      await change(req, 'rollout.rollback', () =>
        rollouts.rollback(req.params.id, scope, actor, mayUpdate),
      ),
    );
  });

  /** A live cluster the caller may read; otherwise indistinguishable from a missing one. */
  async function liveCluster(req: Request, credentials: BackstageCredentials) {
    const record = await readableCluster(options, req, credentials);
    if (record.deletedAt)
      throw new NotFoundError(`No cluster named "${record.name}"`);
    return record;
  }

  async function windowOf(
    name: string,
    environment: string,
  ): Promise<ClusterMaintenanceWindowResponse> {
    const own = await windows.get(name);
    const environmentWindow = options.environmentWindows[environment];
    const effective = effectiveWindow(
      own,
      options.environmentWindows,
      environment,
    );
    const at = now();
    return {
      window: own ?? null,
      environmentWindow: environmentWindow ?? null,
      open: effective ? isOpen(effective, at) : true,
      ...(effective
        ? { nextOpening: nextOpening(effective, at).toISOString() }
        : {}),
    };
  }

  router.get('/clusters/:name/maintenance-window', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const record = await liveCluster(req, credentials);
    res.json(await windowOf(record.name, record.environment));
  });

  router.put('/clusters/:name/maintenance-window', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const record = await liveCluster(req, credentials);
    await requireOnResource(
      permissions,
      credentials,
      paletteClusterUpdatePermission,
      record.name,
    );
    const { window } = parseInput(
      clusterMaintenanceWindowRequestSchema,
      req.body,
    );
    if (window) checkMaintenanceWindow(window);
    await audited(
      auditor,
      req,
      'cluster-change',
      {
        action: 'cluster.maintenance-window.update',
        target: `cluster:${record.name}`,
      },
      () => windows.set(record.name, window, actorOf(credentials)),
    );
    res.json(await windowOf(record.name, record.environment));
  });
}
