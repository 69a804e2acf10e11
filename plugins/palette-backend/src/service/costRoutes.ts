import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  CloudAccount,
  clusterRequestSchema,
  costBreakdownQuerySchema,
  costRangeQuerySchema,
  costTrendQuerySchema,
  paletteClusterReadPermission,
  paletteFleetReadPermission,
} from '@palette-backstage/plugin-palette-common';
import express, { Request } from 'express';
import { z } from 'zod';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';
import { CostService } from '../fleet/cost/CostService';
import { mayRead, requireBasic } from './authorization';
import { parseInput } from './parseInput';

/** The dependencies of the cost routes. */
export interface CostRouteOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  cost: CostService;
  clusterStore: Pick<DatabaseClusterStore, 'get'>;
  cloudAccounts: CloudAccount[];
}

const budgetsQuerySchema = z.object({ month: z.string().optional() });

/** The cost routes: estimates for anyone signed in, fleet roll-ups, and one cluster's cost. */
export function registerCostRoutes(
  router: express.Router,
  options: CostRouteOptions,
) {
  const { httpAuth, permissions, cost, clusterStore, cloudAccounts } = options;

  /** The caller, who must hold palette.fleet.read. */
  async function fleetReader(req: Request) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await requireBasic(permissions, credentials, paletteFleetReadPermission);
  }

  router.post('/cost/estimate', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const request = parseInput(clusterRequestSchema, req.body);
    const account = cloudAccounts.find(a => a.name === request.cloudAccount);
    if (!account) {
      throw new InputError(
        `Invalid request body: cloudAccount: no cloud account named "${request.cloudAccount}"`,
      );
    }
    res.json(
      cost.estimate(request, {
        provider: account.cloudType,
        region: request.region,
        cloudAccount: account.name,
      }),
    );
  });

  router.get('/fleet/cost/summary', async (req, res) => {
    await fleetReader(req);
    res.json(
      await cost.summary(parseInput(costRangeQuerySchema, req.query, 'query')),
    );
  });

  router.get('/fleet/cost/breakdown', async (req, res) => {
    await fleetReader(req);
    res.json(
      await cost.breakdown(
        parseInput(costBreakdownQuerySchema, req.query, 'query'),
      ),
    );
  });

  router.get('/fleet/cost/trend', async (req, res) => {
    await fleetReader(req);
    res.json(
      await cost.trend(parseInput(costTrendQuerySchema, req.query, 'query')),
    );
  });

  router.get('/fleet/cost/budgets', async (req, res) => {
    await fleetReader(req);
    const { month } = parseInput(budgetsQuerySchema, req.query, 'query');
    res.json(await cost.budgets(month));
  });

  router.get('/fleet/cost/export.csv', async (req, res) => {
    await fleetReader(req);
    const query = parseInput(costBreakdownQuerySchema, req.query, 'query');
    const csv = await cost.exportCsv(query);
    res
      .type('text/csv')
      .attachment(`palette-cost-by-${query.by}.csv`)
      .send(csv);
  });

  router.get('/clusters/:name/cost', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { name } = req.params;
    const record = await clusterStore.get(name);
    // Refused reads answer as missing clusters, so that names stay hidden.
    if (
      !record ||
      !(await mayRead(
        permissions,
        credentials,
        paletteClusterReadPermission,
        name,
      ))
    ) {
      throw new NotFoundError(`No cluster named "${name}"`);
    }
    res.json(await cost.clusterCost(record));
  });
}
