import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  customPackInputSchema,
  listAuditQuerySchema,
  packLayerSchema,
  cloudTypeSchema,
  paletteAuditReadPermission,
  palettePackManagePermission,
} from '@palette-backstage/plugin-palette-common';
import express from 'express';
import { z } from 'zod';
import { AuditLog } from '../audit';
import { ProfileStore } from '../database';
import { PackRegistry } from '../packs';
import { addCustomPack } from '../packs/addCustomPack';
import { requireBasic } from './authorization';
import { audited } from './audited';
import { parseInput } from './parseInput';
import { actorOf } from './profileRoutes';

const listPacksQuerySchema = z.object({
  layer: packLayerSchema.optional(),
  cloudType: cloudTypeSchema.optional(),
  name: z.string().optional(),
});

export interface PackAndAuditRouteOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  store: ProfileStore;
  packs: PackRegistry;
  auditLog: AuditLog;
}

/** The pack registry (curated and custom packs) and the audit log. */
export function registerPackAndAuditRoutes(
  router: express.Router,
  options: PackAndAuditRouteOptions,
) {
  const { httpAuth, permissions, auditor, store, packs, auditLog } = options;

  router.get('/packs', async (req, res) => {
    await httpAuth.credentials(req);
    const filter = parseInput(listPacksQuerySchema, req.query, 'query');
    res.json({ items: packs.list(filter) });
  });

  router.post('/packs', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await requireBasic(permissions, credentials, palettePackManagePermission);
    const input = parseInput(customPackInputSchema, req.body);
    const pack = await audited(
      auditor,
      req,
      'pack-create',
      { pack: `${input.name}@${input.version}` },
      () => addCustomPack({ packs, store }, input, actorOf(credentials)),
    );
    res.status(201).json(pack);
  });

  router.get('/audit', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await requireBasic(permissions, credentials, paletteAuditReadPermission);
    res.json({
      items: await auditLog.list(
        parseInput(listAuditQuerySchema, req.query, 'query'),
      ),
    });
  });
}
