import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { serializeError } from '@backstage/errors';
import express, { NextFunction, Request, Response } from 'express';
import Router from 'express-promise-router';
import request from 'supertest';
import { devRequest } from '../clusters/testFixtures';
import { CostService } from '../fleet/cost/CostService';
import { CostRollups } from '../fleet/cost/CostRollups';
import { costSettingsFrom } from '../fleet/cost/priceConfig';
import { PriceModel } from '../fleet/cost/PriceModel';
import {
  createSteeredPolicy,
  steeredPermissions,
} from '../__testUtils__/steeredPermissions';
import { registerCostRoutes } from './costRoutes';

const policy = createSteeredPolicy();
const CLUSTER = { id: '00000000-0000-4000-8000-000000000001', name: 'a' };

function app() {
  const cost = new CostService({
    model: new PriceModel(costSettingsFrom()),
    // The routes' own concerns only: roll-ups are covered on real databases.
    rollups: {} as CostRollups,
    budgets: { listQuotas: async () => [] },
  });
  jest.spyOn(cost, 'summary').mockResolvedValue({ total: 1 } as any);
  jest.spyOn(cost, 'clusterCost').mockResolvedValue({ cluster: 'a' } as any);
  const router = Router();
  router.use(express.json());
  registerCostRoutes(router, {
    httpAuth: mockServices.httpAuth(),
    permissions: steeredPermissions(policy),
    cost,
    clusterStore: {
      get: async (name: string) =>
        name === 'a' ? (CLUSTER as any) : undefined,
    },
    cloudAccounts: [
      { name: 'local', cloudType: 'dev', settings: {}, regions: ['local'] },
    ],
  });
  return express().use(router).use(errorHandler);
}

/** The status codes the backend's error middleware gives @backstage/errors. */
const STATUS: Record<string, number> = {
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
};
function errorHandler(
  error: Error,
  _req: Request,
  res: Response,
  _next: NextFunction,
) {
  res.status(STATUS[error.name] ?? 500).json({ error: serializeError(error) });
}

const as = mockCredentials.user.header('user:default/alice');

describe('cost routes', () => {
  beforeEach(() => policy.denied.clear());

  it('estimates for any signed-in caller, and answers bad input with 400', async () => {
    const ok = await request(app())
      .post('/cost/estimate')
      .set('authorization', as)
      .send(devRequest('x'));
    expect(ok.status).toBe(200);
    expect(ok.body.lines.map((l: { item: string }) => l.item)).toEqual([
      'control plane (1 × medium)',
      'pool workers (2 × medium)',
      'storage (180 GB)',
    ]);
    const bad = await request(app())
      .post('/cost/estimate')
      .set('authorization', as)
      .send({ name: 'X' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.name).toBe('InputError');
    const account = await request(app())
      .post('/cost/estimate')
      .set('authorization', as)
      .send(devRequest('x', { cloudAccount: 'nope' }));
    expect(account.status).toBe(400);
    expect(
      (
        await request(app())
          .post('/cost/estimate')
          .set('authorization', mockCredentials.user.invalidHeader())
          .send(devRequest('x'))
      ).status,
    ).toBe(401);
  });

  it('needs palette.fleet.read for fleet roll-ups and validates their queries', async () => {
    expect(
      (await request(app()).get('/fleet/cost/summary').set('authorization', as))
        .body,
    ).toEqual({ total: 1 });
    expect(
      (
        await request(app())
          .get('/fleet/cost/breakdown?by=colour')
          .set('authorization', as)
      ).status,
    ).toBe(400);
    expect(
      (
        await request(app())
          .get('/fleet/cost/budgets?month=2026-13')
          .set('authorization', as)
      ).status,
    ).toBe(400);
    policy.denied.add('palette.fleet.read');
    for (const path of [
      'summary',
      'breakdown',
      'trend',
      'budgets',
      'export.csv',
    ]) {
      expect(
        (
          await request(app())
            .get(`/fleet/cost/${path}`)
            .set('authorization', as)
        ).status,
      ).toBe(403);
    }
  });

  it('hides the cost of a cluster the caller may not read as 404', async () => {
    expect(
      (await request(app()).get('/clusters/a/cost').set('authorization', as))
        .body,
    ).toEqual({ cluster: 'a' });
    expect(
      (await request(app()).get('/clusters/zz/cost').set('authorization', as))
        .status,
    ).toBe(404);
    policy.denied.add('palette.cluster.read');
    expect(
      (await request(app()).get('/clusters/a/cost').set('authorization', as))
        .status,
    ).toBe(404);
  });
});
