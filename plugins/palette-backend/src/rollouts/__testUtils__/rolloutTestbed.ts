import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { serializeError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express, { NextFunction, Request, Response } from 'express';
import Router from 'express-promise-router';
import { ClusterPhase } from '@palette-backstage/plugin-palette-common';
import { Knex } from 'knex';
import { ClusterService } from '../../clusters/ClusterService';
import { DatabaseClusterStore } from '../../clusters/DatabaseClusterStore';
import { CREATED, manualClock, newCluster } from '../../clusters/testFixtures';
import { DatabaseProfileStore } from '../../database';
import { DatabaseGovernanceStore } from '../../governance/DatabaseGovernanceStore';
import { GovernanceService } from '../../governance/GovernanceService';
import { ManagementClusters } from '../../management/ManagementClusters';
import { PackRegistry } from '../../packs';
import { seedDemoProfiles } from '../../seed/seedDemoProfiles';
import { createRollouts } from '..';

// Test helpers (not exported from the package).

export const ALICE = 'user:default/alice';

/** The one management cluster requests resolve to; nothing is applied in these tests. */
const MANAGEMENT = {
  find: () => ({ name: 'embedded', type: 'embedded', isDefault: true }),
  list: () => [{ name: 'embedded' }],
} as unknown as ManagementClusters;

/**
 * Rollouts on a real database with the real cluster store and service
 * (governance, validation, audit), the demo profiles (`dev-full` 1.0.0 and
 * 1.1.0), a clock the test moves, and no reconciler: the test plays the
 * management cluster with {@link RolloutTestbed.converge}.
 */
export async function createRolloutTestbed(
  knex: Knex,
  rolloutsConfig: object = {},
) {
  const clock = manualClock('2026-11-24T10:00:00.000Z');
  const packs = PackRegistry.withBuiltinPacks();
  const profiles = await DatabaseProfileStore.create({
    database: { getClient: async () => knex } as any,
    packRegistry: packs,
  });
  const logger = mockServices.logger.mock();
  await seedDemoProfiles(profiles, packs, logger);
  const auditLog = profiles.auditLog;
  const clusterStore = new DatabaseClusterStore({
    db: knex,
    auditLog,
    clock: clock.fn,
  });
  const clusters = new ClusterService({
    store: clusterStore,
    governance: new GovernanceService(
      new DatabaseGovernanceStore({ db: knex, auditLog }),
      { approvalExpiryMs: 60_000 },
    ),
    profiles,
    packs,
    accounts: [
      { name: 'local', cloudType: 'dev', settings: {}, regions: ['local'] },
    ],
    managementClusters: MANAGEMENT,
    namespace: 'palette-clusters',
    forceDeleteAfterMs: 60_000,
    onChanged: () => {},
    clock: clock.fn,
  });
  const config = new ConfigReader({ palette: { rollouts: rolloutsConfig } });
  /** A backend instance's rollouts (a second call is a second instance). */
  const instance = () =>
    createRollouts({
      config,
      logger,
      db: knex,
      auditLog,
      clusterStore,
      clusters,
      profiles,
      now: clock.fn,
    });

  /** A Running cluster of `dev-full` at a version. */
  async function addCluster(
    name: string,
    environment = 'dev',
    version = '1.0.0',
  ) {
    await clusterStore.create(
      newCluster(name, {
        environment,
        profile: { name: 'dev-full', version },
      }),
      CREATED,
    );
    await converge(name);
  }

  /** Plays the management cluster: applies the desired state and reports a phase. */
  async function converge(name: string, phase: ClusterPhase = 'Running') {
    const record = (await clusterStore.get(name))!;
    await clusterStore.recordReconcile(record.id, {
      appliedGeneration: record.generation,
      reconcileError: null,
    });
    await clusterStore.recordStatus(record.id, {
      phase,
      ...(phase === 'Running' ? {} : { message: `${phase} for a test` }),
      status: { conditions: [], controlPlane: { managed: false }, pools: [] },
      nodes: { ready: 3, desired: 3 },
    });
  }

  /** How many times each cluster was asked to upgrade, from the audit log. */
  async function upgradesPerCluster(): Promise<Record<string, number>> {
    const events = await auditLog.list({
      action: 'cluster.upgrade',
      limit: 500,
    });
    const counts: Record<string, number> = {};
    for (const e of events) {
      const name = e.target.replace('cluster:', '');
      counts[name] = (counts[name] ?? 0) + 1;
    }
    return counts;
  }

  return {
    clock,
    auditLog,
    clusterStore,
    clusters,
    profiles,
    instance,
    addCluster,
    converge,
    upgradesPerCluster,
  };
}

export type RolloutTestbed = Awaited<ReturnType<typeof createRolloutTestbed>>;

/** Every cluster allowed. */
export const mayUpdateAll = async (names: string[]) => new Set(names);

/**
 * Permission decisions a route test steers per permission name, and per
 * cluster: `deniedOn['palette.cluster.update']` lists the clusters that
 * permission is refused on (as a conditional "my team's" decision would
 * resolve).
 */
export interface ClusterPolicy {
  denied: Set<string>;
  deniedOn: Record<string, string[]>;
}

export function clusterPolicyPermissions(policy: ClusterPolicy) {
  return mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(r => {
        const resourceRef = (r as { resourceRef?: string }).resourceRef;
        const denied =
          policy.denied.has(r.permission.name) ||
          (resourceRef !== undefined &&
            (policy.deniedOn[r.permission.name] ?? []).includes(resourceRef));
        return {
          result: denied ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
        };
      }),
  });
}

/** An auditor that records the events routes open and how they ended. */
export function recordingAuditor() {
  const events: Array<{
    eventId: string;
    meta?: unknown;
    outcome?: 'success' | 'fail';
  }> = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async options => {
      const event: (typeof events)[number] = {
        eventId: options.eventId,
        meta: options.meta,
      };
      events.push(event);
      return {
        success: async () => {
          event.outcome = 'success';
        },
        fail: async () => {
          event.outcome = 'fail';
        },
      };
    },
  });
  return { auditor, events };
}

/** The status codes the backend's error middleware gives @backstage/errors. */
const STATUS: Record<string, number> = {
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
};

/** An app with the rollout and bulk routes of one instance, and the backend's error mapping. */
export function rolloutRoutesApp(
  rollouts: ReturnType<RolloutTestbed['instance']>,
  policy: ClusterPolicy,
) {
  const { auditor, events } = recordingAuditor();
  const router = Router();
  router.use(express.json());
  rollouts.registerRoutes(router, {
    httpAuth: mockServices.httpAuth(),
    permissions: clusterPolicyPermissions(policy),
    auditor,
  });
  const app = express()
    .use(router)
    .use((error: Error, _req: Request, res: Response, _next: NextFunction) => {
      res
        .status(STATUS[error.name] ?? 500)
        .json({ error: serializeError(error) });
    });
  return { app, auditEvents: events };
}
