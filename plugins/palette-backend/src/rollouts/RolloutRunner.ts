import { LoggerService } from '@backstage/backend-plugin-api';
import {
  compareSemver,
  MaintenanceWindow,
} from '@palette-backstage/plugin-palette-common';
import { ClusterService } from '../clusters/ClusterService';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';
import { ClusterRecord } from '../clusters/types';
import { DatabaseMaintenanceWindowStore } from './DatabaseMaintenanceWindowStore';
import { DatabaseRolloutStore } from './DatabaseRolloutStore';
import { effectiveWindow, isOpen, nextOpening } from './maintenanceWindows';
import { RolloutItem, RolloutRecord } from './rows';

/** The dependencies of {@link RolloutRunner}. */
export interface RolloutRunnerOptions {
  store: DatabaseRolloutStore;
  windows: Pick<DatabaseMaintenanceWindowStore, 'getMany'>;
  /** Default windows per environment (`palette.rollouts.maintenanceWindows`). */
  environmentWindows: Readonly<Record<string, MaintenanceWindow>>;
  clusterStore: Pick<DatabaseClusterStore, 'getMany'>;
  clusters: Pick<ClusterService, 'upgrade'>;
  logger: LoggerService;
  now?: () => Date;
}

/** How a started cluster ended, once it has. */
type Verdict = { ok: true; message: string } | { ok: false; message: string };

const MINUTE_MS = 60_000;

/**
 * Moves rollouts on, one idempotent step per tick: settles the clusters
 * under way (healthy on their version, failed, or timed out), halts a
 * rollout on the first failure, and starts the current wave's clusters
 * whose maintenance window is open. Everything it knows is in the
 * database, so a restarted (or second) backend instance continues where
 * another stopped; a cluster is claimed by compare-and-set before it is
 * upgraded, so no rollout upgrades a cluster twice.
 */
export class RolloutRunner {
  readonly #o: RolloutRunnerOptions;
  readonly #now: () => Date;
  readonly #inFlight = new Set<Promise<void>>();

  constructor(options: RolloutRunnerOptions) {
    this.#o = options;
    this.#now = options.now ?? (() => new Date());
  }

  /** A step of one rollout now, in the background (after a create or resume). */
  trigger(id: string): void {
    const step: Promise<void> = this.advance(id)
      .catch(error =>
        this.#o.logger.warn(`Rollout ${id} could not advance: ${error}`),
      )
      .finally(() => this.#inFlight.delete(step));
    this.#inFlight.add(step);
  }

  /** Resolves once the triggered steps have finished (for shutdown and tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.#inFlight]);
  }

  /** One step of every rollout with work to do. */
  async tick(): Promise<void> {
    for (const id of await this.#o.store.listActiveIds()) {
      try {
        await this.advance(id);
      } catch (error) {
        // One broken rollout must not hold up the others.
        this.#o.logger.error(
          `Rollout ${id} could not advance: ${(error as Error).message}`,
        );
      }
    }
  }

  /** One step of one rollout. */
  async advance(id: string): Promise<void> {
    const { store } = this.#o;
    let rollout = await store.get(id);
    if (!rollout) return;
    await this.#settle(rollout);
    rollout = (await store.get(id))!;
    if (rollout.status === 'Pending') {
      rollout = await store.change(
        id,
        current =>
          current.status === 'Pending' ? { status: 'Running' } : undefined,
        { actor: rollout.runAs, action: 'rollout.start' },
      );
    }
    if (rollout.status === 'Running' && !(await this.#halt(rollout))) {
      await this.#startWave(rollout);
      await this.#halt((await store.get(id))!);
    }
    rollout = (await store.get(id))!;
    await this.#finish(rollout);
  }

  /** Records the outcome of clusters under way. */
  async #settle(rollout: RolloutRecord) {
    const underWay = rollout.items.filter(
      i => i.status === 'Updating' || i.status === 'RollingBack',
    );
    if (!underWay.length) return;
    const clusters = await this.#o.clusterStore.getMany(
      underWay.map(i => i.name),
    );
    for (const item of underWay) {
      const back = item.status === 'RollingBack';
      const target = back ? item.fromVersion : rollout.targetVersion;
      const verdict = this.#verdict(
        item,
        clusters.get(item.name),
        target,
        rollout.healthTimeoutMinutes,
      );
      if (!verdict) continue;
      let status: RolloutItem['status'] = 'Failed';
      if (verdict.ok) status = back ? 'RolledBack' : 'Succeeded';
      await this.#o.store.moveCluster(
        rollout.id,
        item.name,
        [item.status],
        { status, message: verdict.message, finished: true },
        {
          actor: rollout.runAs,
          action: `rollout.cluster.${status.toLocaleLowerCase('en-US')}`,
          detail: { version: target },
        },
      );
    }
  }

  /** Whether a started cluster is healthy on `target`, failed, or still under way (`undefined`). */
  #verdict(
    item: RolloutItem,
    cluster: ClusterRecord | undefined,
    target: string,
    timeoutMinutes: number,
  ): Verdict | undefined {
    if (!cluster || cluster.deletedAt)
      return { ok: false, message: 'the cluster was deleted' };
    const elapsed =
      this.#now().getTime() - Date.parse(item.startedAt ?? '1970-01-01');
    const timedOut = elapsed > timeoutMinutes * MINUTE_MS;
    if (item.requestedGeneration === undefined) {
      // Claimed, but the upgrade was never stored (its backend stopped in
      // between): asking again could upgrade twice, so it times out instead.
      return timedOut
        ? {
            ok: false,
            message: `the upgrade to ${target} was interrupted before it was requested; resume to retry`,
          }
        : undefined;
    }
    const version = cluster.profile?.version;
    if (version !== target)
      return {
        ok: false,
        message: `another change moved the cluster to ${
          version ?? 'no profile'
        }`,
      };
    const applied = cluster.appliedGeneration >= item.requestedGeneration;
    if (applied && (cluster.phase === 'Failed' || cluster.phase === 'Degraded'))
      return {
        ok: false,
        message: `${cluster.phase} on ${target}${
          cluster.message ? `: ${cluster.message}` : ''
        }`,
      };
    if (applied && isHealthy(cluster))
      return { ok: true, message: `healthy on ${target}` };
    if (!timedOut) return undefined;
    return {
      ok: false,
      message: `not healthy on ${target} within ${timeoutMinutes} minutes (${describeHealth(
        cluster,
        applied,
      )})`,
    };
  }

  /** Halts a running rollout that has a failed cluster; whether it did. */
  async #halt(rollout: RolloutRecord): Promise<boolean> {
    const failed = rollout.items.filter(i => i.status === 'Failed');
    if (!failed.length) return false;
    await this.#o.store.change(
      rollout.id,
      current =>
        current.status === 'Running'
          ? {
              status: 'PartiallyApplied',
              message: `Halted: ${failed
                .map(f => `${f.name} failed (${f.message ?? 'no reason'})`)
                .join('; ')}. Resume to retry, or roll back.`,
            }
          : undefined,
      { actor: rollout.runAs, action: 'rollout.halt' },
    );
    return true;
  }

  /** Starts the current wave's clusters whose window is open. */
  async #startWave(rollout: RolloutRecord) {
    const wave = rollout.waves.find(w => w.status !== 'Succeeded');
    if (!wave) return;
    const items = rollout.items.filter(
      i =>
        i.wave === wave.index &&
        (i.status === 'Pending' || i.status === 'Waiting'),
    );
    if (!items.length) return;
    const names = items.map(i => i.name);
    const [own, clusters] = await Promise.all([
      this.#o.windows.getMany(names),
      this.#o.clusterStore.getMany(names),
    ]);
    for (const item of items) {
      const cluster = clusters.get(item.name);
      const skip = skipReason(cluster, rollout.targetVersion);
      if (skip) {
        await this.#move(rollout, item, {
          status: 'Skipped',
          message: skip,
          finished: true,
        });
        continue;
      }
      const window = effectiveWindow(
        own.get(item.name),
        this.#o.environmentWindows,
        cluster!.environment,
      );
      const now = this.#now();
      if (window && !isOpen(window, now)) {
        const message = `window opens ${nextOpening(
          window,
          now,
        ).toISOString()}`;
        if (item.status !== 'Waiting' || item.message !== message)
          await this.#move(rollout, item, { status: 'Waiting', message });
        continue;
      }
      if (!(await this.#start(rollout, item, cluster!))) return;
    }
  }

  /**
   * Claims one cluster and requests its upgrade; `false` when the upgrade
   * was refused (the rollout halts, nothing more starts).
   */
  async #start(
    rollout: RolloutRecord,
    item: RolloutItem,
    cluster: ClusterRecord,
  ): Promise<boolean> {
    const { store } = this.#o;
    const target = rollout.targetVersion;
    // Already asked for (a retry after a failed health check, or a change
    // by hand): only its health is watched, nothing is requested again.
    const alreadyRequested = cluster.profile?.version === target;
    const claimed = await store.moveCluster(
      rollout.id,
      item.name,
      [item.status],
      { status: 'Updating', message: null, started: true },
      {
        actor: rollout.runAs,
        action: 'rollout.cluster.upgrade',
        detail: {
          from: cluster.profile?.version,
          to: target,
          createdBy: rollout.createdBy,
          ...(alreadyRequested ? { alreadyRequested } : {}),
        },
      },
    );
    if (!claimed) return true;
    try {
      const record = alreadyRequested
        ? cluster
        : await this.#o.clusters.upgrade(
            item.name,
            { profileVersion: target },
            rollout.runAs,
          );
      await store.moveCluster(rollout.id, item.name, ['Updating'], {
        requestedGeneration: record.generation,
      });
      return true;
    } catch (error) {
      await store.moveCluster(
        rollout.id,
        item.name,
        ['Updating'],
        {
          status: 'Failed',
          message: `upgrade refused: ${(error as Error).message}`,
          finished: true,
        },
        { actor: rollout.runAs, action: 'rollout.cluster.failed' },
      );
      return false;
    }
  }

  /** Completes a rollout whose every cluster moved (or was skipped), and closes a finished rollback. */
  async #finish(rollout: RolloutRecord) {
    const { store } = this.#o;
    if (
      rollout.status === 'Running' &&
      rollout.waves.every(w => w.status === 'Succeeded')
    ) {
      const moved = rollout.counts.Succeeded ?? 0;
      const skipped = rollout.counts.Skipped ?? 0;
      await store.change(
        rollout.id,
        current =>
          current.status === 'Running'
            ? {
                status: 'Completed',
                finished: true,
                message: `${moved} cluster(s) run ${rollout.profile}@${
                  rollout.targetVersion
                }${skipped ? `; ${skipped} skipped` : ''}`,
              }
            : undefined,
        { actor: rollout.runAs, action: 'rollout.complete' },
      );
    }
    if (
      rollout.status === 'RolledBack' &&
      !rollout.finishedAt &&
      !rollout.items.some(i => i.status === 'RollingBack')
    ) {
      const back = rollout.items.filter(i => i.status === 'RolledBack');
      const failed = rollout.items.filter(i => i.status === 'Failed');
      await store.change(
        rollout.id,
        current =>
          current.finishedAt
            ? undefined
            : {
                finished: true,
                message: [
                  back.length
                    ? `Rolled back: ${back.map(i => i.name).join(', ')}`
                    : '',
                  failed.length
                    ? `not rolled back: ${failed
                        .map(i => `${i.name} (${i.message ?? 'failed'})`)
                        .join('; ')}`
                    : '',
                ]
                  .filter(Boolean)
                  .join('; '),
              },
        { actor: rollout.runAs, action: 'rollout.rollback.finish' },
      );
    }
  }

  #move(
    rollout: RolloutRecord,
    item: RolloutItem,
    change: Parameters<DatabaseRolloutStore['moveCluster']>[3],
  ) {
    return this.#o.store.moveCluster(
      rollout.id,
      item.name,
      [item.status],
      change,
      {
        actor: rollout.runAs,
        action: `rollout.cluster.${change.status!.toLocaleLowerCase('en-US')}`,
      },
    );
  }
}

/** Why a planned cluster is no longer one to upgrade, if it is not. */
function skipReason(
  cluster: ClusterRecord | undefined,
  target: string,
): string | undefined {
  if (!cluster || cluster.deletedAt) return 'the cluster no longer exists';
  if (cluster.deletionRequestedAt) return 'the cluster is being deleted';
  if (!cluster.profile) return 'the cluster has no profile';
  if (compareSemver(cluster.profile.version, target) > 0)
    return `the cluster already runs ${cluster.profile.version}`;
  return undefined;
}

/** Running on the applied state with every node ready and nothing drifted. */
function isHealthy(cluster: ClusterRecord): boolean {
  return (
    cluster.phase === 'Running' &&
    cluster.nodes.desired > 0 &&
    cluster.nodes.ready >= cluster.nodes.desired &&
    !cluster.drifted
  );
}

function describeHealth(cluster: ClusterRecord, applied: boolean): string {
  if (!applied) return 'the change was not applied yet';
  const parts = [`phase ${cluster.phase}`];
  parts.push(`${cluster.nodes.ready}/${cluster.nodes.desired} nodes ready`);
  if (cluster.drifted) parts.push('drifted');
  return parts.join(', ');
}
