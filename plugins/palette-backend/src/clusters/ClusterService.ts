import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  ClusterDryRunResponse,
  ClusterRequest,
  ClusterUpgradePreview,
  ProfileRef,
  UpdatePoolRequest,
  UpgradeClusterRequest,
  WorkerPool,
  workerPoolSchema,
} from '@palette-backstage/plugin-palette-common';
import { diffProfileVersions } from '../profiles';
import { DatabaseClusterStore } from './DatabaseClusterStore';
import {
  describeMessages,
  hasErrorMessages,
  ResolveContext,
  resolveRequest,
} from './resolveRequest';
import { ClusterRecord, DesiredChange } from './types';
import { describeRolls, objectChanges } from './upgradePreview';

/** The dependencies of {@link ClusterService}. */
export interface ClusterServiceOptions extends ResolveContext {
  store: DatabaseClusterStore;
  forceDeleteAfterMs: number;
  /** Called after each committed change: reconcile now, tell the catalog. */
  onChanged(record: ClusterRecord): Promise<void> | void;
  clock?: () => Date;
}

/** A pool change in words, for the timeline: `3 nodes, autoscaling 1–5`. */
function describePoolChange(change: UpdatePoolRequest): string {
  const parts: string[] = [];
  if (change.count !== undefined) parts.push(`${change.count} nodes`);
  if (change.autoscaling === null) parts.push('autoscaling off');
  else if (change.autoscaling)
    parts.push(
      `autoscaling ${change.autoscaling.min}–${change.autoscaling.max}`,
    );
  return parts.join(', ');
}

const sameRef = (a: ProfileRef, b: ProfileRef) =>
  a.name === b.name && a.version === b.version;

/**
 * The cluster use cases behind the REST API: validate, render, store the
 * desired state in one transaction, and hand over to the reconciler. Routes
 * only parse, authorize and call these.
 */
export class ClusterService {
  readonly #o: ClusterServiceOptions;
  readonly #clock: () => Date;

  constructor(options: ClusterServiceOptions) {
    this.#o = options;
    this.#clock = options.clock ?? (() => new Date());
  }

  /** Validation and the rendered manifests, with no side effects. */
  async dryRun(request: ClusterRequest): Promise<ClusterDryRunResponse> {
    const resolved = await resolveRequest(request, this.#o);
    const messages = [...resolved.messages];
    const taken = await this.#nameTaken(request.name);
    if (taken) {
      messages.unshift({
        severity: 'error',
        code: 'name.taken',
        field: 'name',
        message: taken,
      });
    }
    return {
      valid: !hasErrorMessages(messages),
      messages,
      manifests: resolved.objects ?? [],
    };
  }

  /** Stores a new cluster (409 when the name is taken, 400 naming each bad field). */
  async create(request: ClusterRequest, actor: string): Promise<ClusterRecord> {
    const taken = await this.#nameTaken(request.name);
    if (taken) throw new ConflictError(`Name taken: ${taken}`);
    const resolved = await resolveRequest(request, this.#o);
    if (hasErrorMessages(resolved.messages)) {
      throw new InputError(
        `Invalid cluster request: ${describeMessages(resolved.messages)}`,
      );
    }
    const record = await this.#o.store.create(
      {
        request,
        managementCluster: resolved.managementCluster!,
        namespace: this.#o.namespace,
        provider: resolved.provider!,
        kubernetesVersion: resolved.kubernetesVersion,
        createdBy: actor,
      },
      {
        action: 'cluster.create',
        reason: 'Requested',
        message: `Requested from ${request.profile.name}@${request.profile.version} by ${actor}`,
      },
    );
    await this.#o.onChanged(record);
    return record;
  }

  /** The desired request after an upgrade. */
  #upgradedRequest(current: ClusterRequest, change: UpgradeClusterRequest) {
    return {
      ...current,
      profile: {
        name: current.profile.name,
        version: change.profileVersion ?? current.profile.version,
      },
      addOnProfiles: change.addOnProfiles ?? current.addOnProfiles,
      variables: { ...current.variables, ...(change.variables ?? {}) },
    };
  }

  /** Keeps versions the cluster already runs usable even when deprecated since. */
  #allowCurrent(record: ClusterRecord) {
    const current = [record.request.profile, ...record.request.addOnProfiles];
    return (ref: ProfileRef) => current.some(c => sameRef(c, ref));
  }

  /** What an upgrade would change and roll, without changing anything. */
  async previewUpgrade(
    name: string,
    change: UpgradeClusterRequest,
  ): Promise<ClusterUpgradePreview> {
    const record = await this.#live(name);
    const next = this.#upgradedRequest(record.request, change);
    const allow = this.#allowCurrent(record);
    const [before, after] = await Promise.all([
      resolveRequest(record.request, this.#o, { allowDeprecated: () => true }),
      resolveRequest(next, this.#o, { allowDeprecated: allow }),
    ]);
    const changes: ClusterUpgradePreview['changes'] = [];
    const profiles = [
      [record.request.profile, next.profile] as const,
      ...next.addOnProfiles.map(
        to =>
          [
            record.request.addOnProfiles.find(a => a.name === to.name),
            to,
          ] as const,
      ),
    ];
    for (const [from, to] of profiles) {
      const toVersion = await this.#o.profiles.getVersion(to.name, to.version);
      const fromVersion = from
        ? await this.#o.profiles.getVersion(from.name, from.version)
        : undefined;
      if (!toVersion) continue;
      if (!fromVersion) {
        changes.push({
          layer: to.name,
          change: 'added',
          summary: `add-on profile ${to.name}@${to.version} added`,
        });
        continue;
      }
      const diff = diffProfileVersions(fromVersion, toVersion, {
        layerOf: (pack, version) => this.#o.packs.get(pack, version)?.layer,
      });
      for (const l of diff.layersAdded)
        changes.push({
          layer: l.packName,
          change: 'added',
          summary: `${l.packName} ${l.packVersion} added`,
        });
      for (const l of diff.layersRemoved)
        changes.push({
          layer: l.packName,
          change: 'removed',
          summary: `${l.packName} ${l.packVersion} removed`,
        });
      for (const l of diff.layersChanged)
        changes.push({
          layer: l.packName,
          change: 'changed',
          summary:
            l.fromVersion !== l.toVersion
              ? `${l.packName} ${l.fromVersion} → ${l.toVersion}${
                  l.valuesChanged ? ' (values changed)' : ''
                }`
              : `${l.packName}: values changed`,
        });
    }
    for (const removed of record.request.addOnProfiles) {
      if (!next.addOnProfiles.some(a => a.name === removed.name)) {
        changes.push({
          layer: removed.name,
          change: 'removed',
          summary: `add-on profile ${removed.name}@${removed.version} removed`,
        });
      }
    }
    const beforeObjects = before.objects ?? [];
    const afterObjects = after.objects ?? [];
    return {
      from: {
        profile: record.request.profile,
        addOnProfiles: record.request.addOnProfiles,
      },
      to: { profile: next.profile, addOnProfiles: next.addOnProfiles },
      changes,
      rolls: after.objects
        ? describeRolls(record.request, beforeObjects, afterObjects)
        : [],
      objectChanges: after.objects
        ? objectChanges(beforeObjects, afterObjects)
        : [],
      messages: after.messages,
    };
  }

  /** Moves the cluster to another profile version or add-on set. */
  async upgrade(
    name: string,
    change: UpgradeClusterRequest,
    actor: string,
  ): Promise<ClusterRecord> {
    const record = await this.#live(name);
    const next = this.#upgradedRequest(record.request, change);
    if (
      sameRef(next.profile, record.request.profile) &&
      JSON.stringify(next.addOnProfiles) ===
        JSON.stringify(record.request.addOnProfiles) &&
      JSON.stringify(next.variables) ===
        JSON.stringify(record.request.variables)
    ) {
      throw new InputError(
        `Cluster "${name}" already runs ${next.profile.name}@${next.profile.version} with these add-ons and values`,
      );
    }
    const resolved = await resolveRequest(next, this.#o, {
      allowDeprecated: this.#allowCurrent(record),
    });
    if (hasErrorMessages(resolved.messages)) {
      throw new InputError(
        `Invalid upgrade: ${describeMessages(resolved.messages)}`,
      );
    }
    return this.#change(
      name,
      () => ({ request: next, kubernetesVersion: resolved.kubernetesVersion }),
      {
        actor,
        action: 'cluster.upgrade',
        reason: 'UpgradeRequested',
        message: `Upgrade to ${next.profile.name}@${next.profile.version}${
          next.addOnProfiles.length
            ? ` with ${next.addOnProfiles
                .map(a => `${a.name}@${a.version}`)
                .join(', ')}`
            : ''
        } requested by ${actor}`,
      },
    );
  }

  /** Scales a pool or changes its autoscaling bounds. */
  async updatePool(
    name: string,
    poolName: string,
    change: UpdatePoolRequest,
    actor: string,
  ): Promise<ClusterRecord> {
    return this.#changePools(
      name,
      pools => {
        const pool = pools.find(p => p.name === poolName);
        if (!pool)
          throw new NotFoundError(
            `Cluster "${name}" has no pool "${poolName}"`,
          );
        const autoscaling =
          change.autoscaling === null
            ? undefined
            : change.autoscaling ?? pool.autoscaling;
        let count = change.count ?? pool.count;
        // New bounds pull the current count inside them.
        if (autoscaling && change.count === undefined)
          count = Math.min(Math.max(count, autoscaling.min), autoscaling.max);
        const updated: WorkerPool = { ...pool, count, autoscaling };
        if (!autoscaling) delete updated.autoscaling;
        return pools.map(p => (p.name === poolName ? updated : p));
      },
      {
        actor,
        action: 'cluster.pool.update',
        reason: 'ScaleRequested',
        message: `Pool ${poolName}: ${describePoolChange(
          change,
        )} requested by ${actor}`,
      },
    );
  }

  async addPool(name: string, pool: WorkerPool, actor: string) {
    return this.#changePools(
      name,
      pools => {
        if (pools.some(p => p.name === pool.name))
          throw new ConflictError(
            `Cluster "${name}" already has a pool named "${pool.name}"`,
          );
        return [...pools, pool];
      },
      {
        actor,
        action: 'cluster.pool.add',
        reason: 'PoolAdded',
        message: `Pool ${pool.name} (${pool.count} × ${pool.instanceType}) added by ${actor}`,
      },
    );
  }

  async removePool(name: string, poolName: string, actor: string) {
    return this.#changePools(
      name,
      pools => {
        if (!pools.some(p => p.name === poolName))
          throw new NotFoundError(
            `Cluster "${name}" has no pool "${poolName}"`,
          );
        if (pools.length === 1)
          throw new ConflictError(
            `Pool "${poolName}" is the last pool of cluster "${name}": a cluster needs at least one`,
          );
        return pools.filter(p => p.name !== poolName);
      },
      {
        actor,
        action: 'cluster.pool.remove',
        reason: 'PoolRemoved',
        message: `Pool ${poolName} removed by ${actor}`,
      },
    );
  }

  async setPaused(name: string, paused: boolean, actor: string) {
    return this.#change(
      name,
      current => {
        if (current.paused === paused)
          throw new ConflictError(
            `Cluster "${name}" is already ${paused ? 'paused' : 'reconciling'}`,
          );
        return { paused };
      },
      {
        actor,
        action: paused ? 'cluster.pause' : 'cluster.resume',
        reason: paused ? 'Paused' : 'Resumed',
        message: `Reconciliation ${paused ? 'paused' : 'resumed'} by ${actor}`,
      },
    );
  }

  /**
   * Requests deletion (idempotent). `force` clears finalizers and forgets
   * the objects, allowed only once deletion has been stuck long enough.
   */
  async requestDeletion(name: string, force: boolean, actor: string) {
    const record = await this.#live(name);
    if (record.deletionRequestedAt && !force) return record;
    if (force) {
      const since = record.deletionRequestedAt
        ? Date.parse(record.deletionRequestedAt)
        : undefined;
      const allowedFrom =
        since === undefined ? undefined : since + this.#o.forceDeleteAfterMs;
      if (allowedFrom === undefined || this.#clock().getTime() < allowedFrom) {
        throw new ConflictError(
          allowedFrom === undefined
            ? `Cluster "${name}" is not being deleted: delete it first; force deletion is offered if it gets stuck`
            : `Force deletion of "${name}" is possible from ${new Date(
                allowedFrom,
              ).toISOString()}, once deletion has been stuck for ${Math.round(
                this.#o.forceDeleteAfterMs / 60000,
              )} minutes`,
        );
      }
    }
    return this.#change(
      name,
      () => ({
        ...(force
          ? { forceDelete: true }
          : { deletionRequestedAt: this.#clock().toISOString() }),
        paused: false,
      }),
      {
        actor,
        action: force ? 'cluster.delete.force' : 'cluster.delete',
        reason: force ? 'ForceDeleteRequested' : 'DeleteRequested',
        message: `${
          force ? 'Forced deletion' : 'Deletion'
        } requested by ${actor}`,
      },
    );
  }

  async #changePools(
    name: string,
    change: (pools: WorkerPool[]) => WorkerPool[],
    context: Parameters<DatabaseClusterStore['changeDesired']>[2],
  ) {
    return this.#change(
      name,
      current => {
        const workerPools = change(current.request.workerPools);
        const invalid = workerPools.flatMap((pool, i) => {
          const parsed = workerPoolSchema.safeParse(pool);
          return parsed.success
            ? []
            : parsed.error.issues.map(
                issue =>
                  `workerPools.${i}.${issue.path.join('.')}: ${issue.message}`,
              );
        });
        if (invalid.length)
          throw new InputError(`Invalid pool change: ${invalid.join('; ')}`);
        return { request: { ...current.request, workerPools } };
      },
      context,
    );
  }

  async #change(
    name: string,
    decide: (current: ClusterRecord) => DesiredChange,
    context: Parameters<DatabaseClusterStore['changeDesired']>[2],
  ): Promise<ClusterRecord> {
    const record = await this.#o.store.changeDesired(
      name,
      current => {
        if (
          current.deletionRequestedAt &&
          context.action !== 'cluster.delete.force'
        )
          throw new ConflictError(`Cluster "${name}" is being deleted`);
        return decide(current);
      },
      context,
    );
    await this.#o.onChanged(record);
    return record;
  }

  /**
   * Why a name cannot be used: another live cluster has it, or a profile
   * does (both are Resource entities in the catalog, where names must not
   * clash).
   */
  async #nameTaken(name: string): Promise<string | undefined> {
    const existing = await this.#o.store.get(name);
    if (existing && !existing.deletedAt)
      return `a cluster named "${name}" already exists in the fleet`;
    if (await this.#o.profiles.getProfile(name))
      return `"${name}" is the name of a cluster profile; clusters and profiles share the catalog, so choose another name`;
    return undefined;
  }

  async #live(name: string): Promise<ClusterRecord> {
    const record = await this.#o.store.get(name);
    if (!record || record.deletedAt)
      throw new NotFoundError(`No cluster named "${name}"`);
    return record;
  }
}
