import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  createRolloutRequestSchema,
  Rollout,
  RolloutClusterStatus,
} from '@palette-backstage/plugin-palette-common';
import { z } from 'zod';
import { ClusterService } from '../clusters/ClusterService';
import { DatabaseClusterStore } from '../clusters/DatabaseClusterStore';
import { ClusterRecord } from '../clusters/types';
import { ProfileStore } from '../database';
import { DatabaseRolloutStore, RolloutChange } from './DatabaseRolloutStore';
import { PlanCandidate, planRollout } from './planRollout';
import { countByStatus, RolloutRecord, toApiRollout, toWaves } from './rows';

/** Which of the named clusters the acting user may update. */
export type MayUpdate = (names: string[]) => Promise<Set<string>>;

/** The dependencies of {@link RolloutService}. */
export interface RolloutServiceOptions {
  store: DatabaseRolloutStore;
  clusterStore: Pick<DatabaseClusterStore, 'get' | 'list'>;
  clusters: Pick<ClusterService, 'upgrade'>;
  profiles: Pick<ProfileStore, 'getProfile'>;
  /** Asks the runner for a step of this rollout now (after create and resume). */
  trigger?(id: string): void;
  now?: () => Date;
}

type CreateRequest = z.infer<typeof createRolloutRequestSchema>;

const PAGE = 500;
const toCandidate = (c: ClusterRecord): PlanCandidate => ({
  name: c.name,
  environment: c.environment,
  phase: c.phase,
  ...(c.profile ? { profile: c.profile } : {}),
  deleting: Boolean(c.deletionRequestedAt),
});

/**
 * The rollout use cases behind the routes: plan and create, pause, resume,
 * cancel and roll back. Routes authenticate and authorize; the per-cluster
 * permission of the acting user arrives as {@link MayUpdate}.
 */
export class RolloutService {
  readonly #o: RolloutServiceOptions;
  readonly #now: () => Date;

  constructor(options: RolloutServiceOptions) {
    this.#o = options;
    this.#now = options.now ?? (() => new Date());
  }

  /** Plans a rollout and, unless it is a dry run, stores it and starts it. */
  async create(
    request: CreateRequest,
    actor: string,
    mayUpdate: MayUpdate,
  ): Promise<Rollout> {
    await this.#checkTarget(request.profile, request.targetVersion);
    const { candidates, missing } = await this.#select(request);
    const allowed = await mayUpdate(candidates.map(c => c.name));
    const waves = planRollout({
      profile: request.profile,
      targetVersion: request.targetVersion,
      canarySize: request.canarySize,
      batchSize: request.batchSize,
      candidates,
      missing,
      explicit: request.selector.clusters
        ? new Set(request.selector.clusters)
        : undefined,
      mayUpdate: name => allowed.has(name),
    });
    const input = {
      profile: request.profile,
      targetVersion: request.targetVersion,
      selector: request.selector,
      canarySize: request.canarySize,
      batchSize: request.batchSize,
      healthTimeoutMinutes: request.healthTimeoutMinutes,
      ...(request.description ? { description: request.description } : {}),
      waves,
    };
    if (request.dryRun) {
      const now = this.#now().toISOString();
      const items = waves.flatMap((wave, index) =>
        wave.map(c => ({ ...c, wave: index })),
      );
      return {
        id: 'dry-run',
        ...input,
        status: 'Pending',
        waves: toWaves(items),
        counts: countByStatus(items.map(i => i.status)),
        createdBy: actor,
        createdAt: now,
        updatedAt: now,
      };
    }
    const record = await this.#o.store.create(input, actor);
    this.#o.trigger?.(record.id);
    return toApiRollout(record);
  }

  /** A page of rollouts, newest first. */
  list(query: Parameters<DatabaseRolloutStore['list']>[0]) {
    return this.#o.store.list(query);
  }

  async get(id: string): Promise<RolloutRecord> {
    const record = await this.#o.store.get(id);
    if (!record) throw new NotFoundError(`No rollout with id "${id}"`);
    return record;
  }

  async pause(id: string, actor: string): Promise<Rollout> {
    return this.#change(id, actor, 'rollout.pause', current => {
      DatabaseRolloutStore.requireStatus(
        current,
        ['Pending', 'Running'],
        'paused',
      );
      return { status: 'Paused', message: `Paused by ${actor}` };
    });
  }

  /**
   * Continues a paused or halted rollout: failed clusters are tried again,
   * and every cluster still to move is checked against the resuming user's
   * permission (the runner acts for them from now on).
   */
  async resume(
    id: string,
    actor: string,
    mayUpdate: MayUpdate,
  ): Promise<Rollout> {
    const before = await this.get(id);
    const toMove = (s: RolloutClusterStatus) =>
      s === 'Pending' || s === 'Waiting' || s === 'Failed';
    const allowed = await mayUpdate(
      before.items.filter(i => toMove(i.status)).map(i => i.name),
    );
    const rollout = await this.#change(id, actor, 'rollout.resume', current => {
      DatabaseRolloutStore.requireStatus(
        current,
        ['Paused', 'PartiallyApplied'],
        'resumed',
      );
      const clusters: NonNullable<RolloutChange['clusters']> = [];
      for (const item of current.items.filter(i => toMove(i.status))) {
        if (!allowed.has(item.name))
          clusters.push({
            name: item.name,
            status: 'Skipped',
            message: `${actor} is not allowed to update this cluster`,
          });
        else if (item.status === 'Failed')
          clusters.push({
            name: item.name,
            status: 'Pending',
            message: `retried after: ${item.message ?? 'failure'}`,
            reset: true,
          });
      }
      return {
        status: 'Running',
        message: `Resumed by ${actor}`,
        runAs: actor,
        clusters,
      };
    });
    this.#o.trigger?.(id);
    return rollout;
  }

  /** Stops for good: clusters not started are skipped; those under way finish and are recorded. */
  async cancel(id: string, actor: string): Promise<Rollout> {
    return this.#change(id, actor, 'rollout.cancel', current => {
      DatabaseRolloutStore.requireStatus(
        current,
        ['Pending', 'Running', 'Paused', 'PartiallyApplied'],
        'cancelled',
      );
      return {
        status: 'Cancelled',
        message: `Cancelled by ${actor}`,
        finished: true,
        clusters: current.items
          .filter(i => i.status === 'Pending' || i.status === 'Waiting')
          .map(i => ({
            name: i.name,
            status: 'Skipped',
            message: 'the rollout was cancelled',
          })),
      };
    });
  }

  /**
   * Moves the failed (or all moved) clusters back to the version they ran
   * before, as their own upgrade each; the runner watches them to
   * RolledBack (or Failed). Clusters the user may not update stay as they are.
   */
  async rollback(
    id: string,
    scope: 'failed' | 'all',
    actor: string,
    mayUpdate: MayUpdate,
  ): Promise<Rollout> {
    const before = await this.get(id);
    const inScope = (s: RolloutClusterStatus) =>
      s === 'Failed' || (scope === 'all' && s === 'Succeeded');
    const candidates = before.items.filter(i => inScope(i.status));
    const allowed = await mayUpdate(candidates.map(i => i.name));
    const denied = candidates.filter(i => !allowed.has(i.name));
    await this.#change(id, actor, 'rollout.rollback', current => {
      DatabaseRolloutStore.requireStatus(
        current,
        ['Paused', 'PartiallyApplied', 'Completed'],
        'rolled back',
      );
      const updating = current.items.filter(i => i.status === 'Updating');
      if (updating.length)
        throw new ConflictError(
          `Rollout ${id} still has clusters updating (${updating
            .map(i => i.name)
            .join(', ')}): roll back once they finish`,
        );
      if (!current.items.some(i => inScope(i.status)))
        throw new ConflictError(
          `Rollout ${id} has no ${
            scope === 'failed' ? 'failed' : 'moved'
          } clusters to roll back`,
        );
      return {
        status: 'RolledBack',
        // Clusters that never started stay where they are, for good.
        clusters: current.items
          .filter(i => i.status === 'Pending' || i.status === 'Waiting')
          .map(i => ({
            name: i.name,
            status: 'Skipped',
            message: 'the rollout was rolled back before this cluster started',
          })),
        message: `Rolling back ${
          candidates.length - denied.length
        } cluster(s) to their previous version${
          denied.length
            ? `; ${actor} may not update ${denied.map(i => i.name).join(', ')}`
            : ''
        }`,
      };
    });
    for (const item of candidates.filter(i => allowed.has(i.name)))
      await this.#rollBack(id, item, actor);
    this.#o.trigger?.(id);
    return toApiRollout(await this.get(id));
  }

  async #rollBack(
    id: string,
    item: RolloutRecord['items'][number],
    actor: string,
  ) {
    const { store } = this.#o;
    const cluster = await this.#o.clusterStore.get(item.name);
    const audit = (action: string) => ({
      actor,
      action,
      detail: { to: item.fromVersion },
    });
    if (!cluster || cluster.deletedAt || !cluster.profile) {
      await store.moveCluster(
        id,
        item.name,
        [item.status],
        { status: 'Failed', message: 'the cluster no longer exists' },
        audit('rollout.cluster.failed'),
      );
      return;
    }
    if (cluster.profile.version === item.fromVersion) {
      // The upgrade never landed (e.g. refused): nothing to undo.
      await store.moveCluster(
        id,
        item.name,
        [item.status],
        {
          status: 'RolledBack',
          message: `still runs ${item.fromVersion}`,
          finished: true,
        },
        audit('rollout.cluster.rolledback'),
      );
      return;
    }
    const claimed = await store.moveCluster(
      id,
      item.name,
      [item.status],
      { status: 'RollingBack', message: null, started: true },
      audit('rollout.cluster.rollback'),
    );
    if (!claimed) return;
    try {
      const record = await this.#o.clusters.upgrade(
        item.name,
        { profileVersion: item.fromVersion },
        actor,
      );
      await store.moveCluster(id, item.name, ['RollingBack'], {
        requestedGeneration: record.generation,
      });
    } catch (error) {
      await store.moveCluster(
        id,
        item.name,
        ['RollingBack'],
        {
          status: 'Failed',
          message: `rollback refused: ${(error as Error).message}`,
          finished: true,
        },
        audit('rollout.cluster.failed'),
      );
    }
  }

  async #change(
    id: string,
    actor: string,
    action: string,
    decide: (current: RolloutRecord) => RolloutChange,
  ): Promise<Rollout> {
    return toApiRollout(
      await this.#o.store.change(id, decide, { actor, action }),
    );
  }

  /** The target must be a published version that is not deprecated. */
  async #checkTarget(profileName: string, version: string) {
    const profile = await this.#o.profiles.getProfile(profileName);
    if (!profile) throw new NotFoundError(`No profile named "${profileName}"`);
    const published = profile.versions.find(v => v.version === version);
    if (!published)
      throw new NotFoundError(
        `Profile "${profileName}" has no published version ${version}`,
      );
    if (published.deprecated)
      throw new InputError(
        `targetVersion: version ${version} of "${profileName}" is deprecated: choose a newer version`,
      );
  }

  /** Live clusters the selector names, and the explicitly named ones that do not exist. */
  async #select(request: CreateRequest) {
    const { selector } = request;
    const records: ClusterRecord[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.#o.clusterStore.list({
        profile: request.profile,
        environment: selector.environments,
        owner: selector.owners,
        project: selector.projects,
        limit: PAGE,
        offset,
      });
      records.push(...page.items);
      if (page.items.length < PAGE) break;
    }
    if (!selector.clusters)
      return { candidates: records.map(toCandidate), missing: [] };
    const named = new Set(selector.clusters);
    const candidates = records.filter(r => named.has(r.name)).map(toCandidate);
    const missing: string[] = [];
    for (const name of named) {
      if (candidates.some(c => c.name === name)) continue;
      const record = await this.#o.clusterStore.get(name);
      if (!record || record.deletedAt) missing.push(name);
      else if (record.profile?.name === request.profile)
        // It runs the profile, so another filter left it out.
        candidates.push({
          ...toCandidate(record),
          outside:
            'does not match the selector (environment, owner or project)',
        });
      else candidates.push(toCandidate(record));
    }
    return { candidates, missing };
  }
}
