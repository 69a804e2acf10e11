import { InputError, NotAllowedError } from '@backstage/errors';
import {
  ClusterPhase,
  compareSemver,
  ProfileRef,
} from '@palette-backstage/plugin-palette-common';
import { PlannedCluster } from './DatabaseRolloutStore';

/** What planning needs to know of a cluster. */
export interface PlanCandidate {
  name: string;
  environment: string;
  phase: ClusterPhase;
  /** Absent on imported clusters. */
  profile?: ProfileRef;
  deleting: boolean;
  /** Why the selector's other filters leave an explicitly named cluster out. */
  outside?: string;
}

export interface PlanInput {
  profile: string;
  targetVersion: string;
  canarySize: number;
  batchSize: number;
  /** Live clusters matching the selector's filters. */
  candidates: PlanCandidate[];
  /** Names the selector listed that match no live cluster. */
  missing?: string[];
  /** Names the selector listed explicitly: ineligible ones are reported as Skipped. */
  explicit?: ReadonlySet<string>;
  /** Whether the rollout's creator may update the cluster. */
  mayUpdate(name: string): boolean;
}

const NOT_STARTABLE: ClusterPhase[] = [
  'PendingApproval',
  'Rejected',
  'Deleting',
  'Deleted',
];

/**
 * Dev-like environments go first and production last, so that a bad
 * version meets the least important clusters first.
 */
export function environmentRank(environment: string): number {
  const env = environment.toLocaleLowerCase('en-US');
  if (/^(dev|development|sandbox|test|testing|qa|ci|local|preview)/.test(env))
    return 0;
  if (/^(stag|uat|preprod|pre-prod|acceptance)/.test(env)) return 1;
  if (/^prod/.test(env)) return 3;
  return 2;
}

/** Why a cluster cannot move to the target version, if it cannot. */
function ineligibility(
  c: PlanCandidate,
  profile: string,
  targetVersion: string,
): string | undefined {
  if (c.outside) return c.outside;
  if (!c.profile)
    return 'imported cluster: it was not built from a profile, so it has no version to move';
  if (c.profile.name !== profile)
    return `runs profile ${c.profile.name}, not ${profile}`;
  if (c.deleting || NOT_STARTABLE.includes(c.phase))
    return `cannot be upgraded while ${c.deleting ? 'Deleting' : c.phase}`;
  if (compareSemver(c.profile.version, targetVersion) >= 0)
    return `already runs ${c.profile.version}`;
  return undefined;
}

/**
 * Plans a rollout: the clusters of the profile on a version older than the
 * target, a canary wave then batches, in a deterministic order
 * (environment rank, environment, name). Clusters the creator may not
 * update are Skipped with the reason and listed in the wave they would have
 * been in; so are explicitly named clusters that cannot move. 403 when the
 * creator may update none of the clusters, 400 when none qualify.
 */
export function planRollout(input: PlanInput): PlannedCluster[][] {
  const { profile, targetVersion, explicit } = input;
  const entries: Array<PlannedCluster & { environment: string }> = [];
  let denied = 0;
  for (const c of input.candidates) {
    const reason = ineligibility(c, profile, targetVersion);
    const fromVersion = c.profile?.version ?? '';
    if (reason) {
      if (explicit?.has(c.name))
        entries.push({
          name: c.name,
          environment: c.environment,
          fromVersion,
          status: 'Skipped',
          message: reason,
        });
      continue;
    }
    if (!input.mayUpdate(c.name)) {
      denied += 1;
      entries.push({
        name: c.name,
        environment: c.environment,
        fromVersion,
        status: 'Skipped',
        message: 'the rollout creator is not allowed to update this cluster',
      });
      continue;
    }
    entries.push({
      name: c.name,
      environment: c.environment,
      fromVersion,
      status: 'Pending',
    });
  }
  entries.sort(
    (a, b) =>
      environmentRank(a.environment) - environmentRank(b.environment) ||
      a.environment.localeCompare(b.environment) ||
      a.name.localeCompare(b.name),
  );
  if (!entries.some(e => e.status === 'Pending')) {
    if (denied)
      throw new NotAllowedError(
        `You are not allowed to update any of the ${denied} cluster(s) this rollout would move`,
      );
    throw new InputError(
      `No cluster of profile "${profile}" matching the selector runs a version older than ${targetVersion}`,
    );
  }

  const waves: PlannedCluster[][] = [];
  let current: PlannedCluster[] = [];
  let moving = 0;
  const toPlanned = ({ environment: _e, ...planned }: (typeof entries)[0]) =>
    planned;
  for (const entry of entries) {
    const size = waves.length === 0 ? input.canarySize : input.batchSize;
    if (entry.status === 'Pending' && moving === size) {
      waves.push(current);
      current = [];
      moving = 0;
    }
    current.push(toPlanned(entry));
    if (entry.status === 'Pending') moving += 1;
  }
  const missing = (input.missing ?? []).map(
    (name): PlannedCluster => ({
      name,
      fromVersion: '',
      status: 'Skipped',
      message: 'no live cluster has this name',
    }),
  );
  waves.push([...current, ...missing]);
  return waves;
}
