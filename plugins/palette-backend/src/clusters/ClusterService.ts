import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  ApprovalDecision,
  ClusterDryRunResponse,
  CostEstimate,
  GovernanceViolation,
  ValidationMessage,
  ClusterRequest,
  ClusterUpgradePreview,
  ProfileRef,
  UpdatePoolRequest,
  UpgradeClusterRequest,
  WorkerPool,
  workerPoolSchema,
} from '@palette-backstage/plugin-palette-common';
import { GovernanceService } from '../governance/GovernanceService';
import { diffProfileVersions } from '../profiles';
import { DatabaseClusterStore } from './DatabaseClusterStore';
import {
  describeMessages,
  hasErrorMessages,
  ResolveContext,
  resolveRequest,
} from './resolveRequest';
import { ClusterRecord, DesiredChange } from './types';
import { checkAddOnProfiles } from './addOnProfiles';
import { describeRolls, objectChanges } from './upgradePreview';

/** The dependencies of {@link ClusterService}. */
export interface ClusterServiceOptions extends ResolveContext {
  store: DatabaseClusterStore;
  governance: GovernanceService;
  forceDeleteAfterMs: number;
  /** Called after each committed change: reconcile now, tell the catalog. */
  onChanged(record: ClusterRecord): Promise<void> | void;
  /** The cost model's estimate, shown by the dry run (absent: no estimate). */
  estimateCost?(request: ClusterRequest, provider: string): CostEstimate;
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

/**
 * Who asks: the teams they belong to (their ownership refs), or `any` for
 * those who may request for every team (governance admins, services).
 */
export type Requester = { teams: string[] } | 'any';
const ANY_TEAM: Requester = 'any';

/** A developer requests (or imports) clusters for their own teams only. */
export function ownerViolation(
  request: Pick<ClusterRequest, 'owner'>,
  requester: Requester,
): GovernanceViolation | undefined {
  if (requester === 'any') return undefined;
  const owner = request.owner.toLocaleLowerCase('en-US');
  if (requester.teams.some(t => t.toLocaleLowerCase('en-US') === owner))
    return undefined;
  return {
    rule: 'owner.membership',
    field: 'owner',
    message: `you can request clusters only for your own teams, and you are not a member of ${request.owner}`,
  };
}

const asMessage = (v: GovernanceViolation): ValidationMessage => ({
  severity: 'error',
  code: v.rule,
  field: v.field,
  message: v.message,
});

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

  /** Validation, governance and the rendered manifests, with no side effects. */
  async dryRun(
    request: ClusterRequest,
    requester: Requester = ANY_TEAM,
  ): Promise<ClusterDryRunResponse> {
    const resolved = await resolveRequest(request, this.#o);
    const messages = [...resolved.messages];
    const taken = await this.nameTaken(request.name);
    if (taken) {
      messages.unshift({
        severity: 'error',
        code: 'name.taken',
        field: 'name',
        message: taken,
      });
    }
    const ownerProblem = ownerViolation(request, requester);
    if (ownerProblem) messages.push(asMessage(ownerProblem));
    const governance = resolved.provider
      ? await this.#o.governance.evaluate(request, resolved.provider)
      : undefined;
    messages.push(...(governance?.violations ?? []).map(asMessage));
    const costEstimate =
      resolved.provider && this.#o.estimateCost
        ? this.#o.estimateCost(request, resolved.provider)
        : undefined;
    return {
      valid: !hasErrorMessages(messages),
      messages,
      manifests: resolved.objects ?? [],
      ...(governance ? { governance } : {}),
      ...(costEstimate ? { costEstimate } : {}),
    };
  }

  /**
   * Stores a new cluster: 409 when the name is taken, 400 naming each bad
   * field, 403 listing every governance violation. A request that needs an
   * approval is stored as `PendingApproval` and applied once approved.
   */
  async create(
    request: ClusterRequest,
    actor: string,
    requester: Requester = ANY_TEAM,
  ): Promise<ClusterRecord> {
    const taken = await this.nameTaken(request.name);
    if (taken) throw new ConflictError(`Name taken: ${taken}`);
    const resolved = await resolveRequest(request, this.#o);
    if (hasErrorMessages(resolved.messages)) {
      throw new InputError(
        `Invalid cluster request: ${describeMessages(resolved.messages)}`,
      );
    }
    const provider = resolved.provider!;
    const { governance } = this.#o;
    const decision = await governance.evaluate(request, provider);
    const ownerProblem = ownerViolation(request, requester);
    GovernanceService.refuse({
      ...decision,
      violations: [
        ...(ownerProblem ? [ownerProblem] : []),
        ...decision.violations,
      ],
    });
    const approval = decision.approval
      ? {
          approverGroup: decision.approval.approverGroup,
          expiresAt: governance.approvalExpiry(),
        }
      : undefined;
    const record = await this.#o.store.create(
      {
        request,
        managementCluster: resolved.managementCluster!,
        namespace: this.#o.namespace,
        provider,
        kubernetesVersion: resolved.kubernetesVersion,
        createdBy: actor,
        footprint: governance.footprint(request, provider),
        ...(approval ? { approval } : {}),
      },
      {
        action: 'cluster.create',
        reason: approval ? 'ApprovalRequested' : 'Requested',
        message: `Requested from ${request.profile.name}@${
          request.profile.version
        } by ${actor}${
          approval ? `; waiting for approval by ${approval.approverGroup}` : ''
        }`,
      },
      { guard: governance.quotaGuard(request, provider) },
    );
    await this.#o.onChanged(record);
    return record;
  }

  /** Approves or rejects a pending request (the caller checked the permission). */
  async decideApproval(
    name: string,
    decision: ApprovalDecision,
    approver: { actor: string; ownership: string[] },
  ): Promise<ClusterRecord> {
    const record = await this.#o.store.decideApproval(
      name,
      {
        state: decision.decision === 'approve' ? 'Approved' : 'Rejected',
        actor: approver.actor,
        comment: decision.comment,
      },
      current => {
        if (current.createdBy === approver.actor)
          throw new NotAllowedError(
            'You requested this cluster; another approver must decide',
          );
        const group =
          current.approval!.approverGroup.toLocaleLowerCase('en-US');
        if (
          !approver.ownership.some(
            ref => ref.toLocaleLowerCase('en-US') === group,
          )
        )
          throw new NotAllowedError(
            `Only members of ${
              current.approval!.approverGroup
            } may decide on "${name}"`,
          );
        if (decision.decision === 'reject' && !decision.comment?.trim())
          throw new InputError('comment: say why the request is rejected');
      },
    );
    await this.#o.onChanged(record);
    return record;
  }

  /** Ends pending requests whose approval has expired. */
  async expireApprovals(): Promise<string[]> {
    const expired = await this.#o.store.listExpiredApprovals(this.#clock());
    for (const name of expired) {
      const record = await this.#o.store.decideApproval(name, {
        state: 'Expired',
        actor: 'service:palette',
      });
      await this.#o.onChanged(record);
    }
    return expired;
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
    if (record.imported)
      throw new InputError(
        `Cluster "${name}" was imported: it has no profile version to preview; change its add-on profiles directly`,
      );
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
    if (record.imported)
      return this.#changeImportedAddOns(record, change, actor);
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

  /**
   * The one change an imported cluster takes: its add-on profiles, in
   * managed mode. It has no profile version or variables to move, and a
   * read-only import applies nothing.
   */
  async #changeImportedAddOns(
    record: ClusterRecord,
    change: UpgradeClusterRequest,
    actor: string,
  ): Promise<ClusterRecord> {
    const { name } = record;
    if (change.profileVersion !== undefined || change.variables !== undefined)
      throw new InputError(
        `Cluster "${name}" was imported, not built from a profile: only its addOnProfiles can change`,
      );
    if (record.imported!.mode === 'read-only')
      throw new InputError(
        `Cluster "${name}" was imported read-only: Palette applies nothing to it; import it in managed mode to apply add-on profiles`,
      );
    const addOnProfiles = change.addOnProfiles ?? [];
    if (JSON.stringify(addOnProfiles) === JSON.stringify(record.addOnProfiles))
      throw new InputError(
        `Cluster "${name}" already runs these add-on profiles`,
      );
    await checkAddOnProfiles(addOnProfiles, this.#o.profiles);
    return this.#change(
      name,
      current => ({ request: { ...current.request, addOnProfiles } }),
      {
        actor,
        action: 'cluster.upgrade',
        reason: 'UpgradeRequested',
        message: `Add-on profiles ${
          addOnProfiles.length
            ? addOnProfiles.map(a => `${a.name}@${a.version}`).join(', ')
            : 'removed'
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
        if (current.imported?.mode === 'read-only')
          throw new InputError(
            `Cluster "${name}" was imported read-only: Palette applies nothing to it, so there is nothing to pause`,
          );
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
        if (current.imported)
          throw new InputError(
            `Cluster "${name}" was imported: its nodes are managed where it was created, not by Palette`,
          );
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
    const { governance } = this.#o;
    const record = await this.#o.store.changeDesired(
      name,
      current => {
        if (
          current.deletionRequestedAt &&
          context.action !== 'cluster.delete.force'
        )
          throw new ConflictError(`Cluster "${name}" is being deleted`);
        if (
          current.phase === 'PendingApproval' &&
          !context.action.startsWith('cluster.delete')
        )
          throw new ConflictError(
            `Cluster "${name}" is waiting for approval; change the request after it is decided`,
          );
        const change = decide(current);
        // Imported clusters count nothing against quotas: Palette did not create them.
        return change.request && !current.imported
          ? {
              ...change,
              footprint: governance.footprint(change.request, current.provider),
            }
          : change;
      },
      context,
      {
        // A new desired state passes the same policy and quota rules as a request.
        guard: async (tx, current, change) => {
          if (!change.request || current.imported) return;
          await governance.store.lockTeam(tx, current.owner);
          GovernanceService.refuse(
            await governance.evaluate(change.request, current.provider, {
              existingId: current.id,
              db: tx,
            }),
          );
        },
      },
    );
    await this.#o.onChanged(record);
    return record;
  }

  /**
   * Why a name cannot be used: another live cluster has it, or a profile
   * does (both are Resource entities in the catalog, where names must not
   * clash).
   */
  async nameTaken(name: string): Promise<string | undefined> {
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
