import {
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { Knex } from 'knex';
import express from 'express';
import { DatabaseClusterStore } from '../../clusters/DatabaseClusterStore';
import { readCloudAccounts } from '../../clusters/settings';
import { CostRouteOptions, registerCostRoutes } from '../../service/costRoutes';
import { CostRollups } from './CostRollups';
import { BudgetSource, CostService } from './CostService';
import { CostSnapshots } from './CostSnapshots';
import { readCostSettings } from './priceConfig';
import { PriceModel } from './PriceModel';

export { CostService } from './CostService';
export { CostSnapshots } from './CostSnapshots';
export { PriceModel } from './PriceModel';
export { readCostSettings, costSettingsFrom } from './priceConfig';

/** Everything fleet cost needs from the plugin. */
export interface CreateCostOptions {
  db: Knex;
  clusterStore: DatabaseClusterStore;
  governanceStore: BudgetSource;
  config: Config;
  logger: LoggerService;
  clock?: () => Date;
}

/**
 * Fleet cost, wired: the price model from `palette.cost` (the backend does
 * not start on invalid settings), the service behind the routes, and the
 * task that accrues the fleet's cost (`recordSnapshot` is exported for a
 * demo seeder to backfill history through the same code path).
 */
export function createCost(options: CreateCostOptions) {
  const model = new PriceModel(readCostSettings(options.config));
  const accounts = readCloudAccounts(options.config);
  const snapshots = new CostSnapshots({ db: options.db, model });
  const service = new CostService({
    model,
    rollups: new CostRollups(options.db),
    budgets: options.governanceStore,
    clock: options.clock,
  });
  const clock = options.clock ?? (() => new Date());
  return {
    service,
    recordSnapshot: (at: Date) => snapshots.recordSnapshot(at),
    registerRoutes(
      router: express.Router,
      deps: Pick<CostRouteOptions, 'httpAuth' | 'permissions'>,
    ) {
      registerCostRoutes(router, {
        ...deps,
        cost: service,
        clusterStore: options.clusterStore,
        cloudAccounts: accounts,
      });
    },
    snapshotTask: {
      id: 'palette-cost-snapshot',
      frequency: { minutes: 15 },
      timeout: { minutes: 10 },
      fn: async () => {
        const clusters = await snapshots.recordSnapshot(clock());
        options.logger.debug(`Cost accrued for ${clusters} clusters`);
      },
    } satisfies Pick<
      SchedulerServiceTaskScheduleDefinition,
      'frequency' | 'timeout'
    > & { id: string; fn: () => Promise<void> },
  };
}
