import {
  Rollout,
  RolloutCluster,
  RolloutClusterStatus,
  RolloutStatus,
  RolloutWave,
} from '@palette-backstage/plugin-palette-common';
import { parseJson, toIsoTimestamp } from '../database/util';

/** The tables of rollouts (created by the package's migrations). */
export const ROLLOUTS_TABLE = 'palette_rollouts';
export const ROLLOUT_CLUSTERS_TABLE = 'palette_rollout_clusters';
export const MAINTENANCE_WINDOWS_TABLE = 'palette_maintenance_windows';

export interface RolloutRow {
  id: string;
  profile_name: string;
  target_version: string;
  selector: string;
  canary_size: number;
  batch_size: number;
  health_timeout_minutes: number;
  status: RolloutStatus;
  message: string | null;
  description: string | null;
  run_as: string;
  created_by: string;
  created_at: unknown;
  updated_at: unknown;
  finished_at: unknown;
}

export interface RolloutClusterRow {
  rollout_id: string;
  cluster_name: string;
  wave_index: number;
  position: number;
  status: RolloutClusterStatus;
  from_version: string;
  message: string | null;
  requested_generation: number | null;
  started_at: unknown;
  finished_at: unknown;
}

/** A rollout's cluster as the runner sees it: the API's view plus bookkeeping. */
export interface RolloutItem extends RolloutCluster {
  wave: number;
  /** The cluster generation its upgrade (or rollback) produced, once requested. */
  requestedGeneration?: number;
}

/** A rollout as stored, with who the runner acts for. */
export interface RolloutRecord extends Rollout {
  runAs: string;
  items: RolloutItem[];
}

const time = (value: unknown) =>
  value === null || value === undefined ? undefined : toIsoTimestamp(value);

export function rowToItem(row: RolloutClusterRow): RolloutItem {
  const startedAt = time(row.started_at);
  const finishedAt = time(row.finished_at);
  return {
    name: row.cluster_name,
    status: row.status,
    fromVersion: row.from_version,
    ...(row.message ? { message: row.message } : {}),
    ...(startedAt ? { startedAt } : {}),
    ...(finishedAt ? { finishedAt } : {}),
    wave: Number(row.wave_index),
    ...(row.requested_generation !== null
      ? { requestedGeneration: Number(row.requested_generation) }
      : {}),
  };
}

const DONE: RolloutClusterStatus[] = ['Succeeded', 'Skipped'];
const FAILED: RolloutClusterStatus[] = ['Failed', 'RollingBack', 'RolledBack'];

/** A wave's state follows from its clusters', so it is never stored. */
export function waveStatus(
  statuses: RolloutClusterStatus[],
): RolloutWave['status'] {
  if (statuses.every(s => DONE.includes(s))) return 'Succeeded';
  if (statuses.some(s => FAILED.includes(s))) return 'Failed';
  if (statuses.some(s => s !== 'Pending' && s !== 'Skipped')) return 'Running';
  return 'Pending';
}

export function countByStatus(
  statuses: RolloutClusterStatus[],
): Rollout['counts'] {
  const counts: Rollout['counts'] = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}

/** The rollout without its waves, as lists show it. */
export function rowToSummary(
  row: RolloutRow,
  counts: Rollout['counts'],
): Omit<Rollout, 'waves'> {
  const finishedAt = time(row.finished_at);
  return {
    id: row.id,
    profile: row.profile_name,
    targetVersion: row.target_version,
    selector: parseJson(row.selector) ?? {},
    canarySize: Number(row.canary_size),
    batchSize: Number(row.batch_size),
    healthTimeoutMinutes: Number(row.health_timeout_minutes),
    status: row.status,
    ...(row.message ? { message: row.message } : {}),
    ...(row.description ? { description: row.description } : {}),
    counts,
    createdBy: row.created_by,
    createdAt: toIsoTimestamp(row.created_at),
    updatedAt: toIsoTimestamp(row.updated_at),
    ...(finishedAt ? { finishedAt } : {}),
  };
}

/** Groups a rollout's clusters (in wave order, then position) into waves. */
export function toWaves(items: RolloutItem[]): RolloutWave[] {
  const waves: RolloutWave[] = [];
  for (const item of items) {
    let wave = waves.find(w => w.index === item.wave);
    if (!wave) {
      wave = {
        index: item.wave,
        kind: item.wave === 0 ? 'canary' : 'batch',
        status: 'Pending',
        clusters: [],
      };
      waves.push(wave);
    }
    const { wave: _wave, requestedGeneration: _gen, ...cluster } = item;
    wave.clusters.push(cluster);
  }
  for (const wave of waves)
    wave.status = waveStatus(wave.clusters.map(c => c.status));
  return waves.sort((a, b) => a.index - b.index);
}

export function rowToRecord(
  row: RolloutRow,
  itemRows: RolloutClusterRow[],
): RolloutRecord {
  const items = itemRows.map(rowToItem);
  return {
    ...rowToSummary(row, countByStatus(items.map(i => i.status))),
    waves: toWaves(items),
    runAs: row.run_as,
    items,
  };
}

/** What the API shows of a stored rollout (no runner bookkeeping). */
export function toApiRollout(record: RolloutRecord): Rollout {
  const { runAs: _runAs, items: _items, ...rollout } = record;
  return rollout;
}
