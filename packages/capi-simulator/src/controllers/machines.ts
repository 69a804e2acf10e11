import { ConditionSpec, falseCondition, trueCondition } from './conditions';

/**
 * The simulated machines of a control plane or worker pool, as the v1beta2
 * `status.versions` list reports them: how many machines run each version.
 * No Machine objects are created; a machine is ready and available as soon as
 * it exists (one step brings one machine up).
 */
export type MachineVersions = Array<{ version: string; replicas: number }>;

export function readVersions(status: unknown): MachineVersions {
  const versions = (status as { versions?: unknown } | undefined)?.versions;
  if (!Array.isArray(versions)) return [];
  return versions
    .filter(
      (v): v is { version: string; replicas: number } =>
        typeof v?.version === 'string' && typeof v?.replicas === 'number',
    )
    .map(v => ({ version: v.version, replicas: v.replicas }))
    .filter(v => v.replicas > 0);
}

export const totalOf = (versions: MachineVersions) =>
  versions.reduce((n, v) => n + v.replicas, 0);

export const upToDateOf = (versions: MachineVersions, target?: string) =>
  target === undefined
    ? totalOf(versions)
    : versions.find(v => v.version === target)?.replicas ?? 0;

function parseVersion(v: string): number[] {
  return v
    .replace(/^v/, '')
    .split(/[.+-]/)
    .slice(0, 3)
    .map(p => Number.parseInt(p, 10) || 0);
}

export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  for (let i = 0; i < 3; i++) {
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  }
  return 0;
}

/** The lowest version any machine runs (what KubeadmControlPlane reports as status.version). */
export function minVersion(versions: MachineVersions): string | undefined {
  let min: string | undefined;
  for (const v of versions) {
    if (min === undefined || compareVersions(v.version, min) < 0)
      min = v.version;
  }
  return min;
}

function withDelta(
  versions: MachineVersions,
  version: string,
  delta: number,
): MachineVersions {
  const next = versions.map(v => ({ ...v }));
  const entry = next.find(v => v.version === version);
  if (entry) entry.replicas += delta;
  else next.push({ version, replicas: delta });
  return next
    .filter(v => v.replicas > 0)
    .sort((a, b) => compareVersions(a.version, b.version));
}

/**
 * One step of a RollingUpdate with maxSurge 1 and maxUnavailable 0: create a
 * machine at the target version, or delete one (outdated first). Undefined
 * when the machines already match.
 */
export function nextMachines(
  versions: MachineVersions,
  desired: number,
  target: string,
): MachineVersions | undefined {
  const total = totalOf(versions);
  const upToDate = upToDateOf(versions, target);
  const outdated = total - upToDate;
  if (outdated > 0) {
    if (total <= desired && upToDate < desired)
      return withDelta(versions, target, +1);
    const oldest = versions.find(v => v.version !== target)!;
    return withDelta(versions, oldest.version, -1);
  }
  if (total < desired) return withDelta(versions, target, +1);
  if (total > desired) return withDelta(versions, target, -1);
  return undefined;
}

/** One step of deletion: one machine goes. */
export function removeOneMachine(versions: MachineVersions): MachineVersions {
  if (!versions.length) return versions;
  return withDelta(versions, versions[0].version, -1);
}

/** The v1beta2 replica counters of a set of simulated machines. */
export function replicaCounters(versions: MachineVersions, target?: string) {
  const replicas = totalOf(versions);
  return {
    replicas,
    readyReplicas: replicas,
    availableReplicas: replicas,
    upToDateReplicas: upToDateOf(versions, target),
  };
}

/** RollingOut, ScalingUp and ScalingDown conditions, as KubeadmControlPlane and MachineDeployment report them. */
export function rolloutConditions(
  versions: MachineVersions,
  desired: number,
  target: string | undefined,
): ConditionSpec[] {
  const total = totalOf(versions);
  const outdated = total - upToDateOf(versions, target);
  return [
    outdated > 0
      ? trueCondition(
          'RollingOut',
          'RollingOut',
          `Rolling out ${outdated} not up-to-date replicas\n* Version ${target} required`,
        )
      : falseCondition('RollingOut', 'NotRollingOut'),
    total < desired
      ? trueCondition(
          'ScalingUp',
          'ScalingUp',
          `Scaling up from ${total} to ${desired} replicas`,
        )
      : falseCondition('ScalingUp', 'NotScalingUp'),
    total > desired
      ? trueCondition(
          'ScalingDown',
          'ScalingDown',
          `Scaling down from ${total} to ${desired} replicas`,
        )
      : falseCondition('ScalingDown', 'NotScalingDown'),
  ];
}

/**
 * The conditions every owner of machines reports alike (control planes,
 * MachineDeployments, MachinePools): MachinesUpToDate, the rollout and
 * scaling conditions, Deleting and Paused.
 */
export function machineOwnerConditions(o: {
  versions: MachineVersions;
  desired: number;
  target: string | undefined;
  outdated: number;
  replicas: number;
  deleting: boolean;
  paused: boolean;
}): ConditionSpec[] {
  return [
    o.outdated > 0
      ? falseCondition(
          'MachinesUpToDate',
          'NotUpToDate',
          `${o.outdated} Machines not up-to-date`,
        )
      : trueCondition(
          'MachinesUpToDate',
          o.replicas === 0 ? 'NoReplicas' : 'UpToDate',
        ),
    ...rolloutConditions(o.versions, o.desired, o.target),
    o.deleting
      ? trueCondition(
          'Deleting',
          'WaitingForMachineDeletion',
          `Deleting ${o.replicas} Machines`,
        )
      : falseCondition('Deleting', 'NotDeleting'),
    o.paused
      ? trueCondition('Paused', 'Paused', 'Cluster spec.paused is set to true')
      : falseCondition('Paused', 'NotPaused'),
  ];
}
