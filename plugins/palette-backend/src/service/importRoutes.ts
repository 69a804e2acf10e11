import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  generateProfileRequestSchema,
  importClusterRequestSchema,
  paletteClusterImportPermission,
  paletteClusterUpdatePermission,
  paletteProfileCreatePermission,
} from '@palette-backstage/plugin-palette-common';
import express from 'express';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';
import { toClusterDetails } from '../clusters/toApi';
import { ImportService } from '../imports/ImportService';
import { audited } from './audited';
import { requireBasic } from './authorization';
import {
  clusterActionRequest,
  isTrue,
  readableCluster,
  requesterOfCredentials,
} from './clusterRoutes';
import { parseInput } from './parseInput';
import { actorOf } from './profileRoutes';

/** The dependencies of the import routes. */
export interface ImportRouteOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  userInfo: UserInfoService;
  clusterStore: DatabaseClusterStore;
  imports: ImportService;
}

/**
 * The routes of imported clusters: import by kubeconfig (never echoed),
 * inventory, rediscovery and profile generation. Every other route treats
 * imported clusters like the rest (list, details, events, upgrade of
 * add-ons, delete to detach).
 */
export function registerImportRoutes(
  router: express.Router,
  options: ImportRouteOptions,
) {
  const { httpAuth, permissions, auditor, imports } = options;

  router.post('/clusters/import', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await requireBasic(
      permissions,
      credentials,
      paletteClusterImportPermission,
    );
    const request = parseInput(importClusterRequestSchema, req.body);
    const requester = await requesterOfCredentials(options, credentials);
    if (isTrue(req.query.dryRun)) {
      res.json(await imports.dryRun(request, requester));
      return;
    }
    const record = await audited(
      auditor,
      req,
      'cluster-change',
      { action: 'cluster.import', target: `cluster:${request.name}` },
      () => imports.importCluster(request, actorOf(credentials), requester),
    );
    res.status(201).json(toClusterDetails(record));
  });

  router.get('/clusters/:name/inventory', async (req, res) => {
    const record = await readableCluster(options, req);
    res.json(imports.inventory(record));
  });

  router.post('/clusters/:name/discover', async (req, res) => {
    const { record } = await clusterActionRequest(
      options,
      req,
      paletteClusterUpdatePermission,
    );
    const discovered = await imports.discover(record);
    res.json(toClusterDetails(discovered));
  });

  router.post('/clusters/:name/profile', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const record = await readableCluster(options, req, credentials);
    await requireBasic(
      permissions,
      credentials,
      paletteProfileCreatePermission,
    );
    const body = parseInput(generateProfileRequestSchema, req.body ?? {});
    const result = await audited(
      auditor,
      req,
      'profile-change',
      {
        action: 'profile.create',
        target: `profile:${body.name ?? `${record.name}-imported`}`,
      },
      () => imports.generateProfile(record, body, actorOf(credentials)),
    );
    res.status(201).json(result);
  });
}
