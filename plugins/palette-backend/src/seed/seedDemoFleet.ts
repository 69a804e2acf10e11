import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterService } from '../clusters/ClusterService';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';
import { DEMO_FLEET } from './demoFleet';
import { DEMO_SEED_ACTOR } from './seedDemoProfiles';

const DAY = 24 * 3600_000;

/** What the fleet seeder needs: the product's own use cases, built on a given clock. */
export interface DemoFleetDeps {
  store: DatabaseClusterStore;
  /** A cluster service whose store stamps changes with `clock`. */
  serviceAt(clock: () => Date): ClusterService;
  logger: LoggerService;
  now?: () => Date;
}

/**
 * Seeds the demo fleet on a first start with the embedded defaults
 * (`palette.demoData.fleet: true`; off in production), only into an empty
 * clusters table. Every cluster goes through the same use case as an API
 * request (validation, rendering, governance, approval), stamped with its
 * backdated request time and the seed service as requester, so the timeline
 * and audit log say plainly that it is demo data. Production requests are
 * approved by the seed service on behalf of the platform team, except the
 * ones left for the Approvals page; the reconciler then provisions them all
 * on the embedded management cluster.
 */
export async function seedDemoFleet(deps: DemoFleetDeps): Promise<number> {
  const { store, logger } = deps;
  if ((await store.list({ includeDeleted: true, limit: 1 })).totalCount > 0)
    return 0;
  const now = (deps.now ?? (() => new Date()))();
  let seeded = 0;
  for (const spec of DEMO_FLEET) {
    const requestedAt = new Date(now.getTime() - spec.ageDays * DAY);
    const service = deps.serviceAt(() => requestedAt);
    try {
      const record = await service.create(spec.request, DEMO_SEED_ACTOR);
      if (record.phase === 'PendingApproval' && !spec.leavePending) {
        await service.decideApproval(
          record.name,
          { decision: 'approve', comment: 'Demo data: approved by the seed' },
          {
            actor: `${DEMO_SEED_ACTOR}-approver`,
            ownership: [record.approval!.approverGroup],
          },
        );
      }
      seeded += 1;
    } catch (error) {
      // A demo cluster that no longer fits (e.g. changed demo profiles) must
      // not keep the portal from starting.
      logger.warn(`Demo cluster ${spec.request.name} was not seeded: ${error}`);
    }
  }
  logger.info(`Seeded a demo fleet of ${seeded} clusters (demo data)`);
  return seeded;
}
