import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  BulkClusterActionRequest,
  bulkClusterActionRequestSchema,
  BulkClusterActionResponse,
  paletteClusterDeletePermission,
  paletteClusterReadPermission,
  paletteClusterUpdatePermission,
} from '@palette-backstage/plugin-palette-common';
import express from 'express';
import { ClusterService } from '../clusters/ClusterService';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';
import { ClusterRecord } from '../clusters/types';
import { audited } from './audited';
import { parseInput } from './parseInput';
import { actorOf } from './profileRoutes';

/** The dependencies of the bulk routes. */
export interface BulkRouteOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  clusters: Pick<ClusterService, 'upgrade' | 'setPaused' | 'requestDeletion'>;
  clusterStore: Pick<DatabaseClusterStore, 'getMany'>;
}

/**
 * Which of the named clusters the credentials hold a permission on, in one
 * batch; conditional decisions are resolved per cluster by the permission
 * backend, as for a single action.
 */
export async function allowedClusters(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: ResourcePermission,
  names: string[],
): Promise<Set<string>> {
  if (!names.length) return new Set();
  const decisions = await permissions.authorize(
    names.map(resourceRef => ({ permission, resourceRef })),
    { credentials },
  );
  return new Set(
    names.filter((_, i) => decisions[i].result === AuthorizeResult.ALLOW),
  );
}

/** The status the backend's error handler gives an error, as the single action would reply. */
function statusOf(error: Error): number {
  const byName: Record<string, number> = {
    InputError: 400,
    NotAllowedError: 403,
    NotFoundError: 404,
    ConflictError: 409,
  };
  return byName[error.name] ?? 500;
}

type Action = BulkClusterActionRequest['action'];

const AUDIT_ACTION: Record<Action, string> = {
  upgrade: 'cluster.upgrade',
  pause: 'cluster.pause',
  resume: 'cluster.resume',
  delete: 'cluster.delete',
};

/** `POST /clusters/bulk`: one day-2 action on a selection, each cluster on its own. */
export function registerBulkRoutes(
  router: express.Router,
  options: BulkRouteOptions,
) {
  const { httpAuth, permissions, auditor, clusters, clusterStore } = options;

  async function run(
    body: BulkClusterActionRequest,
    record: ClusterRecord,
    actor: string,
  ): Promise<void> {
    const { name } = record;
    switch (body.action) {
      case 'upgrade':
        if (!record.profile) {
          // Imported clusters were not built from a profile: nothing to upgrade.
          throw new ConflictError(
            `Skipped: "${name}" is an imported cluster without a profile to upgrade`,
          );
        }
        await clusters.upgrade(
          name,
          { profileVersion: body.profileVersion },
          actor,
        );
        return;
      case 'pause':
      case 'resume':
        await clusters.setPaused(name, body.action === 'pause', actor);
        return;
      default:
        await clusters.requestDeletion(name, false, actor);
    }
  }

  router.post('/clusters/bulk', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const body = parseInput(bulkClusterActionRequestSchema, req.body);
    const names = [...new Set(body.clusters)];
    const actor = actorOf(credentials);
    const permission =
      body.action === 'delete'
        ? paletteClusterDeletePermission
        : paletteClusterUpdatePermission;
    const [records, readable, allowed] = await Promise.all([
      clusterStore.getMany(names),
      allowedClusters(
        permissions,
        credentials,
        paletteClusterReadPermission,
        names,
      ),
      allowedClusters(permissions, credentials, permission, names),
    ]);
    const results: BulkClusterActionResponse['results'] = [];
    // One after the other: each takes its team's governance lock.
    for (const name of names) {
      const record = records.get(name);
      if (!record || record.deletedAt || !readable.has(name)) {
        // As for a single action: an unreadable cluster looks missing.
        results.push({
          cluster: name,
          ok: false,
          status: 404,
          message: `No cluster named "${name}"`,
        });
        continue;
      }
      if (!allowed.has(name)) {
        results.push({
          cluster: name,
          ok: false,
          status: 403,
          message: `You are not allowed to ${permission.name} on ${name}`,
        });
        continue;
      }
      try {
        await audited(
          auditor,
          req,
          'cluster-change',
          { action: AUDIT_ACTION[body.action], target: `cluster:${name}` },
          () => run(body, record, actor),
        );
        results.push({ cluster: name, ok: true, status: 202 });
      } catch (error) {
        const status = statusOf(error as Error);
        results.push({
          cluster: name,
          ok: false,
          status,
          // Unexpected errors go to the audit stream, not to the reply.
          message: status === 500 ? 'Internal error' : (error as Error).message,
        });
      }
    }
    res.json({ results } satisfies BulkClusterActionResponse);
  });
}
