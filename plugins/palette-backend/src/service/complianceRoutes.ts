import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  complianceRuleIdSchema,
  paletteClusterReadPermission,
  paletteClusterUpdatePermission,
  paletteFleetReadPermission,
  scanKindSchema,
} from '@palette-backstage/plugin-palette-common';
import express, { Request } from 'express';
import { z } from 'zod';
import { ComplianceService } from '../fleet/compliance/ComplianceService';
import { toCsv } from '../fleet/compliance/csv';
import { SCORE_DIMENSIONS } from '../fleet/compliance/DatabaseComplianceStore';
import { audited } from './audited';
import { mayRead, requireBasic, requireOnResource } from './authorization';
import { parseInput } from './parseInput';
import { actorOf } from './profileRoutes';

/** The dependencies of the compliance routes. */
export interface ComplianceRouteOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  service: ComplianceService;
  clock?: () => Date;
}

const pageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  status: z.enum(['failing', 'passing']).default('failing'),
});

const scoresQuerySchema = z.object({
  by: z.enum(Object.keys(SCORE_DIMENSIONS) as [keyof typeof SCORE_DIMENSIONS]),
});

const day = z.iso.date('must be a date such as 2026-11-24');
const DAY_MS = 86_400_000;
const MAX_TREND_DAYS = 366;

/** Scan reports are larger than API requests; Trivy reports of a cluster run to megabytes. */
const SCAN_BODY_LIMIT = '10mb';

/** Fleet compliance views, per-cluster compliance and scan uploads. */
export function registerComplianceRoutes(
  router: express.Router,
  options: ComplianceRouteOptions,
) {
  const { httpAuth, permissions, auditor, service } = options;
  const store = service.store;
  const clock = options.clock ?? (() => new Date());

  async function fleetReader(req: Request) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await requireBasic(permissions, credentials, paletteFleetReadPermission);
  }

  /** 404 for a cluster the caller may not read, as for a missing one. */
  async function readableCluster(
    req: Request,
    credentials: BackstageCredentials,
  ) {
    const name = req.params.name;
    if (
      !(await mayRead(
        permissions,
        credentials,
        paletteClusterReadPermission,
        name,
      ))
    )
      throw new NotFoundError(`No cluster named "${name}"`);
    return name;
  }

  router.get('/fleet/compliance/summary', async (req, res) => {
    await fleetReader(req);
    res.json(await store.summary(clock()));
  });

  router.get('/fleet/compliance/rules', async (req, res) => {
    await fleetReader(req);
    res.json({ items: await store.ruleStatus() });
  });

  router.get('/fleet/compliance/rules/:id/clusters', async (req, res) => {
    await fleetReader(req);
    const rule = parseInput(complianceRuleIdSchema, req.params.id, 'rule id');
    const page = parseInput(pageSchema, req.query, 'query');
    res.json(
      await store.clustersForRule(rule, {
        passed: page.status === 'passing',
        limit: page.limit,
        offset: page.offset,
      }),
    );
  });

  router.get('/fleet/compliance/scores', async (req, res) => {
    await fleetReader(req);
    const { by } = parseInput(scoresQuerySchema, req.query, 'query');
    res.json({ items: await store.scoresBy(by) });
  });

  router.get('/fleet/compliance/trend', async (req, res) => {
    await fleetReader(req);
    const today = clock();
    const query = parseInput(
      z.object({
        from: day.default(
          new Date(today.getTime() - 29 * DAY_MS).toISOString().slice(0, 10),
        ),
        to: day.default(today.toISOString().slice(0, 10)),
      }),
      req.query,
      'query',
    );
    const days = (Date.parse(query.to) - Date.parse(query.from)) / DAY_MS;
    if (days < 0)
      throw new InputError('Invalid query: from must not be after to');
    if (days >= MAX_TREND_DAYS)
      throw new InputError(
        `Invalid query: the trend spans at most ${MAX_TREND_DAYS} days`,
      );
    res.json({ points: await store.trend(query.from, query.to) });
  });

  router.get('/fleet/compliance/export.csv', async (req, res) => {
    await fleetReader(req);
    const csv = toCsv(await store.exportRows());
    res
      .type('text/csv; charset=utf-8')
      .attachment(`fleet-compliance-${clock().toISOString().slice(0, 10)}.csv`)
      .send(csv);
  });

  router.get('/clusters/:name/compliance', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(
      await service.clusterCompliance(await readableCluster(req, credentials)),
    );
  });

  router.post(
    '/clusters/:name/scans/:kind',
    express.json({ limit: SCAN_BODY_LIMIT }),
    async (req, res) => {
      // Scanners run in pipelines as well as by hand: services may upload.
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const name = await readableCluster(req, credentials);
      await requireOnResource(
        permissions,
        credentials,
        paletteClusterUpdatePermission,
        name,
      );
      const kind = parseInput(scanKindSchema, req.params.kind, 'scan kind');
      const scan = await audited(
        auditor,
        req,
        'cluster-scan',
        { action: `cluster.scan.${kind}`, target: `cluster:${name}` },
        () => service.recordScan(name, kind, req.body, actorOf(credentials)),
      );
      res.status(201).json(scan);
    },
  );
}
